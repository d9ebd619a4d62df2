package org.gridtwin.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The time-series store port: raw samples, rollups kept up to date on every append, and named cumulative counters
 * that outlive a restart. Every implementation passes {@code TelemetryStoreContract}.
 */
public interface TelemetryStore extends AutoCloseable {
    /**
     * Stores the samples, adds them to every rollup and replaces the given sites' counters, all in one transaction:
     * after a crash the stored counters count exactly the stored samples. A sample whose site and time are stored
     * already is skipped (with its rollup share), so a batch retried after a failure is never counted twice.
     *
     * @param countersBySite site id → the site's counters after these samples; may be empty
     */
    void append(List<Sample> samples, Map<String, Map<String, Double>> countersBySite);

    /** Stores the samples and adds them to every rollup, atomically (duplicates skipped, as above). */
    default void append(List<Sample> samples) {
        append(samples, Map.of());
    }

    /**
     * Reads everything the store holds once, so a damaged file is found at start rather than by the first query
     * that touches the damage.
     *
     * @throws StoreException naming what could not be read
     */
    void verify();

    /** Raw samples of a site with {@code from <= time < to}, oldest first. */
    List<Sample> samples(String siteId, Instant from, Instant to);

    /** Rollup buckets of a site starting in {@code [from, to)}, oldest first. */
    List<Bucket> history(String siteId, Resolution resolution, Instant from, Instant to);

    /** Replaces the named counters of a site (e.g. green kWh, CO2 avoided). */
    default void putCounters(String siteId, Map<String, Double> counters) {
        append(List.of(), Map.of(siteId, counters));
    }

    /** The counters last put for a site; empty when none. */
    Map<String, Double> counters(String siteId);

    /**
     * Deletes the raw samples of every site that started before {@code cutoff}; rollups, counters and events stay.
     * A long-running server keeps its raw samples for a while and its rollups for good.
     *
     * @return how many samples were deleted
     */
    long deleteSamplesBefore(Instant cutoff);

    /** Stores events (alarms, interventions), atomically. */
    void appendEvents(List<LoggedEvent> events);

    /**
     * The latest events, newest first (events of the same instant in reverse order of appending).
     *
     * @param siteId null for every site
     * @param kind   null for every kind
     */
    List<LoggedEvent> events(String siteId, String kind, int limit);

    /** How many events the store holds. */
    long eventCount();

    @Override
    void close();
}
