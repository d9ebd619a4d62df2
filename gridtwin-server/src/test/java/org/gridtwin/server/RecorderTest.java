package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridtwin.ems.Event;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.Resolution;
import org.gridtwin.store.Sample;
import org.junit.jupiter.api.Test;

class RecorderTest {
    static final Instant DAY = Instant.ofEpochSecond(86_400);

    static Sample sample(int minute, double windKw) {
        return new Sample("s", Instant.ofEpochSecond(60L * minute), 60, windKw, 0, 0, 0, 0, 0, 0.5);
    }

    static double storedWindKwh(FailingStore store) {
        return store.history("s", Resolution.DAY, Instant.EPOCH, Instant.ofEpochSecond(86_400L * 400)).stream()
                .mapToDouble(Bucket::windKwh).sum();
    }

    @Test
    void aFailedWriteLosesNothingAndSamplesWaitForTheCheckpointThatCountsThem() {
        try (FailingStore store = new FailingStore()) {
            List<Event> alarms = new ArrayList<>();
            Recorder r = new Recorder(store, new Metrics(), System::nanoTime, alarms::add, Recorder.MAX_PENDING);
            r.sample(sample(0, 60));
            r.checkpoint(new Recorder.Checkpoint(Map.of("s", Map.of("wind_kwh", 1.0))));
            r.sample(sample(1, 120));
            store.failures = 1;
            r.flush();
            // nothing stored, not the counters either; the store's refusal is an alarm and the health says why
            assertThat(store.samples("s", Instant.EPOCH, DAY)).isEmpty();
            assertThat(store.counters("s")).isEmpty();
            assertThat(r.health().ok()).isFalse();
            assertThat(r.health().reason()).isEqualTo("No space left on device");
            assertThat(alarms).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(Event.Kind.STORE));
            r.flush();
            // the first sample and its checkpoint are stored now; the second waits for a checkpoint that counts it
            assertThat(store.samples("s", Instant.EPOCH, DAY)).hasSize(1);
            assertThat(store.counters("s")).containsEntry("wind_kwh", 1.0);
            assertThat(r.health().ok()).isTrue();
            assertThat(alarms).hasSize(2);
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

    /**
     * Seeded random runs of samples, checkpoints and refused writes: after every flush the stored counter equals
     * the energy of the stored samples (what a {@code kill -9} would leave), and once the store accepts writes
     * again everything measured is stored.
     */
    @Test
    void theStoredCountersAlwaysCountExactlyTheStoredSamples() {
        SplittableRandom random = new SplittableRandom(12);
        for (int run = 0; run < 6; run++) {
            try (FailingStore store = new FailingStore()) {
                Recorder r = new Recorder(store, new Metrics(), System::nanoTime, e -> { }, 64);
                double measuredKwh = 0;
                int minute = 0;
                for (int step = 0; step < 200; step++) {
                    double kw = random.nextInt(1, 10) * 60.0;
                    r.sample(sample(minute++, kw));
                    measuredKwh += kw / 60;
                    if (random.nextInt(3) == 0) {
                        r.checkpoint(new Recorder.Checkpoint(Map.of("s", Map.of("wind_kwh", measuredKwh))));
                    }
                    store.failing = random.nextInt(10) < 4;
                    if (random.nextInt(4) == 0) {
                        r.flush();
                        double counted = store.counters("s").getOrDefault("wind_kwh", 0.0);
                        assertThat(storedWindKwh(store)).as("run %d step %d", run, step).isCloseTo(counted,
                                within(1e-6));
                    }
                }
                store.failing = false;
                r.checkpoint(new Recorder.Checkpoint(Map.of("s", Map.of("wind_kwh", measuredKwh))));
                r.flush();
                assertThat(storedWindKwh(store)).isCloseTo(measuredKwh, within(1e-6));
                assertThat(store.counters("s")).containsEntry("wind_kwh", measuredKwh);
            }
        }
    }

    /**
     * A long refusal: 1,000 one-minute samples against a bound of 100. The backlog stays bounded by merging samples
     * pairwise, and when the store accepts writes again every kWh is there, in fewer, longer samples.
     */
    @Test
    void theBacklogIsBoundedWhileTheStoreRefusesAndKeepsEveryKilowattHour() {
        try (FailingStore store = new FailingStore()) {
            Metrics metrics = new Metrics();
            Recorder r = new Recorder(store, metrics, System::nanoTime, e -> { }, 100);
            store.failing = true;
            double kwh = 0;
            for (int m = 0; m < 1000; m++) {
                r.sample(sample(m, m % 7 * 60.0));
                kwh += m % 7;
                r.checkpoint(new Recorder.Checkpoint(Map.of("s", Map.of("wind_kwh", kwh))));
                if (m % 10 == 9) {
                    r.flush();
                    // one merge halves the backlog, and a flush adds at most 10 samples: never beyond twice the bound
                    assertThat(r.health().pendingSamples()).isLessThanOrEqualTo(200);
                }
            }
            assertThat(r.health().ok()).isFalse();
            assertThat(r.health().longestSampleSeconds()).isGreaterThan(60);
            store.failing = false;
            r.flush();
            assertThat(r.health().ok()).isTrue();
            assertThat(r.health().pendingSamples()).isZero();
            // Σ (m mod 7) kWh over m < 1000: 142 full weeks of 21 + (0 + 1 + … + 5) = 2,982 + 15 = 2,997
            assertThat(kwh).isEqualTo(2_997);
            assertThat(storedWindKwh(store)).isCloseTo(2_997, within(1e-6));
            assertThat(store.counters("s")).containsEntry("wind_kwh", 2_997.0);
            assertThat(store.samples("s", Instant.EPOCH, DAY)).hasSizeLessThan(1000);
        }
    }
}
