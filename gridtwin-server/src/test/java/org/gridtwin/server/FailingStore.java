package org.gridtwin.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.DuckDbStore;
import org.gridtwin.store.LoggedEvent;
import org.gridtwin.store.Resolution;
import org.gridtwin.store.Sample;
import org.gridtwin.store.StoreException;
import org.gridtwin.store.TelemetryStore;

/**
 * A real embedded store whose writes can be made to fail, as a full disk makes them: {@link #failing} refuses every
 * write until cleared, {@link #failures} refuses the next n.
 */
final class FailingStore implements TelemetryStore {
    final DuckDbStore real = DuckDbStore.inMemory();
    volatile boolean failing;
    int failures;

    private void maybeFail() {
        if (failing) {
            throw new StoreException("No space left on device", null);
        }
        if (failures > 0) {
            failures--;
            throw new StoreException("No space left on device", null);
        }
    }

    @Override
    public void append(List<Sample> samples, Map<String, Map<String, Double>> countersBySite) {
        maybeFail();
        real.append(samples, countersBySite);
    }

    @Override
    public void verify() {
        real.verify();
    }

    @Override
    public List<Sample> samples(String siteId, Instant from, Instant to) {
        return real.samples(siteId, from, to);
    }

    @Override
    public List<Bucket> history(String siteId, Resolution resolution, Instant from, Instant to) {
        return real.history(siteId, resolution, from, to);
    }

    @Override
    public Map<String, Double> counters(String siteId) {
        return real.counters(siteId);
    }

    @Override
    public long deleteSamplesBefore(Instant cutoff) {
        return real.deleteSamplesBefore(cutoff);
    }

    @Override
    public void appendEvents(List<LoggedEvent> events) {
        maybeFail();
        real.appendEvents(events);
    }

    @Override
    public List<LoggedEvent> events(String siteId, String kind, int limit) {
        return real.events(siteId, kind, limit);
    }

    @Override
    public long eventCount() {
        return real.eventCount();
    }

    @Override
    public void close() {
        real.close();
    }
}
