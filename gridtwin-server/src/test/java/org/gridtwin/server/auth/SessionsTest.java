package org.gridtwin.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {
    @Test
    void aSessionEndsAfterThirtyIdleMinutesOrTwelveHoursOrAtSignOut() {
        LoginThrottleTest.Manual clock = new LoginThrottleTest.Manual();
        Sessions s = new Sessions(clock);
        Sessions.Started a = s.start("ops", Role.OPERATOR);
        // 256 random bits, base64url: 43 characters; the CSRF token is another
        assertThat(a.id()).hasSize(43).isNotEqualTo(a.session().csrf());
        assertThat(s.use(a.id())).map(Sessions.Session::role).contains(Role.OPERATOR);
        assertThat(s.use("not a session")).isEmpty();
        // used every 29 minutes it lives, until 12 hours after sign-in
        for (int i = 0; i < 24; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertThat(s.use(a.id())).as("after %d x 29 min", i + 1).isPresent();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(29)); // 25 x 29 min = 12 h 5 min
        assertThat(s.use(a.id())).isEmpty();
        Sessions.Started b = s.start("ops", Role.OPERATOR);
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(s.use(b.id())).as("30 idle minutes").isEmpty();
        Sessions.Started c = s.start("ops", Role.OPERATOR);
        Sessions.Started d = s.start("root", Role.ADMIN);
        s.end(c.id());
        assertThat(s.use(c.id())).isEmpty();
        s.endAll("root");
        assertThat(s.use(d.id())).isEmpty();
        assertThat(s.live()).isZero();
    }
}
