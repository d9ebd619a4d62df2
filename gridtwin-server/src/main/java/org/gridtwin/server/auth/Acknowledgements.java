package org.gridtwin.server.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which alarms an operator has acknowledged, by whom and when. The audit trail is where they are kept: each
 * acknowledgement is a command record ({@code accepted: acknowledged ID}), and {@link #fromTrail} reads them back
 * at start, so a restarted server remembers them without a second store.
 */
public final class Acknowledgements {
    static final String OUTCOME = "accepted: acknowledged ";

    /** Who acknowledged an event, and when. */
    public record Ack(String user, Instant time) {
    }

    private final Map<String, Ack> acks = new ConcurrentHashMap<>();

    /** The acknowledgements recorded in {@code trail}, oldest first (a later one of an event does not replace). */
    public static Acknowledgements fromTrail(AuditLog trail) {
        Acknowledgements a = new Acknowledgements();
        for (Map<String, Object> r : trail.records()) {
            Object outcome = r.get("outcome");
            if (outcome instanceof String o && o.startsWith(OUTCOME)) {
                a.acks.putIfAbsent(o.substring(OUTCOME.length()), new Ack(String.valueOf(r.get("actor")),
                        Instant.parse(String.valueOf(r.get("time")))));
            }
        }
        return a;
    }

    /** The outcome to record for an acknowledgement of {@code eventId} (what {@link #fromTrail} reads back). */
    public static String outcome(String eventId) {
        return OUTCOME + eventId;
    }

    public Optional<Ack> of(String eventId) {
        return Optional.ofNullable(acks.get(eventId));
    }

    /** Records an acknowledgement; false when the event was acknowledged already. */
    public boolean acknowledge(String eventId, String user, Instant time) {
        return acks.putIfAbsent(eventId, new Ack(user, time)) == null;
    }
}
