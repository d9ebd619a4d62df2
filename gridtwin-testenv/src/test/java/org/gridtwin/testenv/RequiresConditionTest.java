package org.gridtwin.testenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class RequiresConditionTest {
    @Test
    void ciIsReadTheSameWayWhateverTheServiceWrites() {
        assertThat(TestEnvironment.isCiValue("true")).isTrue();
        assertThat(TestEnvironment.isCiValue("TRUE")).isTrue();
        assertThat(TestEnvironment.isCiValue("1")).isTrue();
        assertThat(TestEnvironment.isCiValue(null)).isFalse();
        assertThat(TestEnvironment.isCiValue("")).isFalse();
        assertThat(TestEnvironment.isCiValue("false")).isFalse();
        assertThat(TestEnvironment.isCiValue("0")).isFalse();
    }

    @Test
    void aMissingPrerequisiteSkipsWithItsNameOutsideCiAndFailsInCi() {
        ConditionEvaluationResult r = RequiresCondition.evaluate(List.of("glpsol and cbc"), false);
        assertThat(r.isDisabled()).isTrue();
        assertThat(r.getReason().orElseThrow()).contains("needs glpsol and cbc");
        assertThatThrownBy(() -> RequiresCondition.evaluate(List.of("glpsol and cbc"), true))
                .hasMessage("CI must provide glpsol and cbc (.ci/run installs it)");
        assertThat(RequiresCondition.evaluate(List.of(), true).isDisabled()).isFalse();
    }

    @Test
    void theShellOnThePathIsFoundAndANonsenseNameIsNot() {
        // every machine that runs Maven has sh in a PATH folder
        assertThat(TestEnvironment.onPath("sh")).isTrue();
        assertThat(TestEnvironment.onPath("no-such-program-gridtwin")).isFalse();
    }
}
