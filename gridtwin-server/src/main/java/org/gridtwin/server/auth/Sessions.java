package org.gridtwin.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions: a 256-bit random id for the cookie and a separate random CSRF token a page sends back with
 * every write. Only the SHA-256 of an id is kept, so a memory dump does not hand out live sessions. A session ends
 * after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in, whichever comes first, and at sign-out.
 */
public final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session: its user and role, its CSRF token, when it began and was last used. */
    public record Session(String user, Role role, String csrf, Instant started, Instant lastUsed) {
    }

    /** What a sign-in hands out: the cookie's value and the CSRF token (both shown once, kept only hashed/inside). */
    public record Started(String id, Session session) {
    }

    private final Clock clock;
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Started start(String user, Role role) {
        String id = random();
        Instant now = clock.instant();
        Session s = new Session(user, role, random(), now, now);
        byHash.put(sha256(id), s);
        return new Started(id, s);
    }

    /** The live session of a cookie value (its last use moved to now), or empty when unknown or expired. */
    public Optional<Session> use(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = sha256(id);
        Session s = byHash.get(key);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastUsed().plus(IDLE)) || !now.isBefore(s.started().plus(ABSOLUTE))) {
            byHash.remove(key);
            return Optional.empty();
        }
        Session used = new Session(s.user(), s.role(), s.csrf(), s.started(), now);
        byHash.put(key, used);
        return Optional.of(used);
    }

    /** Ends a session (sign-out). */
    public void end(String id) {
        if (id != null) {
            byHash.remove(sha256(id));
        }
    }

    /** Ends every session of a user (removed, or the password changed). */
    public void endAll(String user) {
        byHash.values().removeIf(s -> s.user().equals(user));
    }

    public int live() {
        return byHash.size();
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
