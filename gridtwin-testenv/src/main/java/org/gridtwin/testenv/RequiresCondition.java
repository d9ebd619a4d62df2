package org.gridtwin.testenv;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Evaluates {@link Requires}: a condition rather than an assumption, so a whole class without its prerequisites is
 * reported as skipped with a reason instead of vanishing from the counts.
 */
public final class RequiresCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        AnnotatedElement element = context.getElement().orElse(null);
        Requires requires = element == null ? null : element.getAnnotation(Requires.class);
        if (requires == null) {
            return ConditionEvaluationResult.enabled("no prerequisites");
        }
        List<String> missing = new ArrayList<>();
        for (Prerequisite p : requires.value()) {
            if (!p.isPresent()) {
                missing.add(p.what());
            }
        }
        return evaluate(missing, TestEnvironment.isCi());
    }

    static ConditionEvaluationResult evaluate(List<String> missing, boolean ci) {
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("prerequisites present");
        }
        String list = String.join("; ", missing);
        if (ci) {
            throw new IllegalStateException("CI must provide " + list + " (.ci/run installs it)");
        }
        return ConditionEvaluationResult.disabled("skipped: needs " + list + "; CI=true makes this a failure");
    }
}
