package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.DuckDbStore;
import org.gridtwin.store.Resolution;
import org.gridtwin.store.Sample;
import org.gridtwin.store.StoreException;
import org.gridtwin.store.TelemetryStore;
import org.junit.jupiter.api.Test;

class RecorderTest {
    /** A real embedded store whose next writes can be made to fail, as a full disk would. */
    static final class Flaky implements TelemetryStore {
        final DuckDbStore real = DuckDbStore.inMemory();
        int failures;

        @Override
        public void append(List<Sample> samples) {
            if (failures > 0) {
                failures--;
                throw new StoreException("disk full", null);
            }
            real.append(samples);
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
        public void putCounters(String siteId, Map<String, Double> counters) {
            real.putCounters(siteId, counters);
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
        public void appendEvents(List<org.gridtwin.store.LoggedEvent> events) {
            if (failures > 0) {
                failures--;
                throw new StoreException("disk full", null);
            }
            real.appendEvents(events);
        }

        @Override
        public List<org.gridtwin.store.LoggedEvent> events(String siteId, String kind, int limit) {
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

    static Sample sample(int minute, double windKw) {
        return new Sample("s", Instant.ofEpochSecond(60L * minute), 60, windKw, 0, 0, 0, 0, 0, 0.5);
    }

    @Test
    void aFailedWriteLosesNothingAndKeepsCountersBehindTheirSamples() {
        try (Flaky store = new Flaky()) {
            Metrics metrics = new Metrics();
            Recorder r = new Recorder(store, metrics, System::nanoTime);
            r.sample(sample(0, 60));
            r.checkpoint(new Recorder.Checkpoint(Map.of("s", Map.of("wind_kwh", 1.0))));
            r.sample(sample(1, 120));
            store.failures = 1;
            r.flush();
            // the samples before the checkpoint failed: neither they nor the counters that count them are stored
            assertThat(store.samples("s", Instant.EPOCH, Instant.ofEpochSecond(3600))).isEmpty();
            assertThat(store.counters("s")).isEmpty();
            r.sample(sample(2, 180));
            r.checkpoint(new Recorder.Checkpoint(Map.of("s", Map.of("wind_kwh", 6.0))));
            r.flush();
            // 60 + 120 + 180 kW for a minute each = 1 + 2 + 3 kWh, in one hourly bucket
            List<Bucket> hour = store.history("s", Resolution.HOUR, Instant.EPOCH, Instant.ofEpochSecond(3600));
            assertThat(hour).singleElement().satisfies(b -> {
                assertThat(b.samples()).isEqualTo(3);
                assertThat(b.windKwh()).isEqualTo(6.0);
            });
            assertThat(store.counters("s")).containsEntry("wind_kwh", 6.0);
        }
    }
}
