package org.gridtwin.store;

import java.time.Instant;
import java.util.Map;

/**
 * An event kept by the store: an alarm or intervention at a site, by kind name (e.g. {@code UNMET}), with one line
 * for humans and the named values it was written from (empty for events stored before values were kept).
 */
public record LoggedEvent(String siteId, Instant time, String kind, String detail, Map<String, String> values) {
    public LoggedEvent {
        values = Map.copyOf(values);
    }

    /** An event without named values. */
    public LoggedEvent(String siteId, Instant time, String kind, String detail) {
        this(siteId, time, kind, detail, Map.of());
    }
}
