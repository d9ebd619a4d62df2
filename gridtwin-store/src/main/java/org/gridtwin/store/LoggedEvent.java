package org.gridtwin.store;

import java.time.Instant;

/**
 * An event kept by the store: an alarm or intervention at a site, by kind name (e.g. {@code UNMET}), with one line
 * for humans.
 */
public record LoggedEvent(String siteId, Instant time, String kind, String detail) {
}
