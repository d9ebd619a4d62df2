package org.gridtwin.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves. */
    static final class Manual extends Clock {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFreeFailuresThenWaitsThatDoubleUpToFifteenMinutes() {
        Manual clock = new Manual();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++) {
            assertThat(t.wait("ops", "10.0.0.9")).isZero();
            t.failed("ops", "10.0.0.9");
        }
        // the fifth failure is free too; the sixth attempt goes ahead, and after it a wait of 1 s
        assertThat(t.wait("ops", "10.0.0.9")).isZero();
        t.failed("ops", "10.0.0.9");
        assertThat(t.wait("ops", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        // the same account from another address waits too, and another account from the same address
        assertThat(t.wait("ops", "10.0.0.77")).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.wait("root", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.wait("root", "10.0.0.77")).isZero();
        clock.now = clock.now.plusSeconds(1);
        t.failed("ops", "10.0.0.9");
        assertThat(t.wait("ops", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
        // 1, 2, 4, … s: the 16th failure in a row would wait 1024 s, more than 15 minutes, so 900 s
        assertThat(LoginThrottle.delay(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delay(15)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LoginThrottle.delay(16)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.delay(400)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsAndAnHourForgets() {
        Manual clock = new Manual();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 8; i++) {
            t.failed("ops", "10.0.0.9");
        }
        assertThat(t.wait("ops", "10.0.0.9")).isEqualTo(Duration.ofSeconds(4));
        t.succeeded("ops", "10.0.0.9");
        assertThat(t.wait("ops", "10.0.0.9")).isZero();
        for (int i = 0; i < 8; i++) {
            t.failed("ops", "10.0.0.9");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(t.wait("ops", "10.0.0.9")).isZero();
        // a failure after the hour starts counting again from one
        t.failed("ops", "10.0.0.9");
        assertThat(t.wait("ops", "10.0.0.9")).isZero();
    }
}
