package org.gridtwin.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per account and per client address: after {@link #FREE} failures in a row, each further
 * attempt must wait 1 s, then 2, 4, … up to 15 minutes from the last failure; a success clears the account's and
 * the address's count. Both keys count, so one address cannot try many accounts and many addresses cannot hammer
 * one account faster than the limit. Entries forget themselves an hour after their last failure.
 */
public final class LoginThrottle {
    /** Failures allowed before waiting is required (a person mistyping gets these for free). */
    static final int FREE = 5;
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration FORGET = Duration.ofHours(1);

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long an attempt for {@code user} from {@code address} must still wait; zero when it may go ahead. */
    public Duration wait(String user, String address) {
        Duration a = waitFor("user:" + user);
        Duration b = waitFor("addr:" + address);
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Duration waitFor(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || now.isAfter(f.last().plus(FORGET))) {
            return Duration.ZERO;
        }
        if (f.count() < FREE) {
            return Duration.ZERO;
        }
        Duration delay = delay(f.count());
        Instant until = f.last().plus(delay);
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** The wait after {@code count} failures in a row: 1 s after the sixth, doubling, at most 15 minutes. */
    static Duration delay(int count) {
        int doublings = Math.min(count - FREE - 1, 20);
        if (doublings < 0) {
            return Duration.ZERO;
        }
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {"user:" + user, "addr:" + address}) {
            failures.compute(key, (k, f) -> f == null || now.isAfter(f.last().plus(FORGET)) ? new Failures(1, now)
                    : new Failures(f.count() + 1, now));
        }
    }

    public void succeeded(String user, String address) {
        failures.remove("user:" + user);
        failures.remove("addr:" + address);
    }
}
