package org.gridtwin.testenv;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs things outside the repository. Without them it is reported as skipped
 * with the reason (Maven's summary counts it under "Skipped"); in CI ({@link TestEnvironment#isCi()}) a missing
 * prerequisite fails the test instead, because .ci/run installs everything.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCondition.class)
public @interface Requires {
    Prerequisite[] value();
}
