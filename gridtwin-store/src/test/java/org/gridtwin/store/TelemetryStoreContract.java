package org.gridtwin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TelemetryStore} must do. An implementation's test extends this and says how to open (and
 * reopen) its store.
 */
public abstract class TelemetryStoreContract {
    static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    /** A fresh, empty store. */
    protected abstract TelemetryStore create();

    /** The store {@code create} made, closed and opened again; null when the implementation is not durable. */
    protected abstract TelemetryStore reopen();

    /**
     * Two hours of 15-minute samples: wind 100 kW, PV 40 kW, load 200 kW, battery alternating +20 / −20 kW,
     * so grid = load − wind − PV − battery = 40 or 80 kW import; SoC rising 0.50, 0.51, …
     */
    static List<Sample> twoHours(String site) {
        List<Sample> out = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double battery = k % 2 == 0 ? 20 : -20;
            out.add(new Sample(site, T0.plusSeconds(900L * k), 900, 100, 40, 200, battery, 60 - battery, 0,
                    0.50 + 0.01 * k));
        }
        return out;
    }

    @Test
    void rollupsSumEnergiesPerBucketByHand() {
        try (TelemetryStore s = create()) {
            s.append(twoHours("port"));
            List<Bucket> hours = s.history("port", Resolution.HOUR, T0, T0.plusSeconds(7200));
            assertThat(hours).hasSize(2);
            Bucket first = hours.get(0);
            // 4 samples x 0.25 h: wind 100 kWh, PV 40, load 200; import 2 x 40 x 0.25 + 2 x 80 x 0.25 = 60;
            // discharge 2 x 20 x 0.25 = 10, charge 10; SoC of the 4th sample 0.53
            assertThat(first.samples()).isEqualTo(4);
            assertThat(first.seconds()).isEqualTo(3600);
            assertThat(first.windKwh()).isCloseTo(100, within(1e-9));
            assertThat(first.pvKwh()).isCloseTo(40, within(1e-9));
            assertThat(first.loadKwh()).isCloseTo(200, within(1e-9));
            assertThat(first.importKwh()).isCloseTo(60, within(1e-9));
            assertThat(first.exportKwh()).isZero();
            assertThat(first.dischargeKwh()).isCloseTo(10, within(1e-9));
            assertThat(first.chargeKwh()).isCloseTo(10, within(1e-9));
            assertThat(first.lastSocFraction()).isCloseTo(0.53, within(1e-12));
            assertThat(hours.get(1).lastSocFraction()).isCloseTo(0.57, within(1e-12));
            // quarter hours are the samples themselves; the day holds both hours
            assertThat(s.history("port", Resolution.QUARTER_HOUR, T0, T0.plusSeconds(7200))).hasSize(8);
            Bucket day = s.history("port", Resolution.DAY, T0, T0.plusSeconds(86_400)).get(0);
            assertThat(day.windKwh()).isCloseTo(200, within(1e-9));
            assertThat(day.importKwh()).isCloseTo(120, within(1e-9));
        }
    }

    @Test
    void bucketsFilledAcrossSeveralAppendsEqualOneAppend() {
        try (TelemetryStore s = create()) {
            List<Sample> all = twoHours("port");
            // out of order across batches: the later sample's SoC still wins
            s.append(all.subList(2, 4));
            s.append(all.subList(0, 2));
            s.append(all.subList(4, 8));
            Bucket first = s.history("port", Resolution.HOUR, T0, T0.plusSeconds(3600)).get(0);
            assertThat(first.samples()).isEqualTo(4);
            assertThat(first.importKwh()).isCloseTo(60, within(1e-9));
            assertThat(first.lastSocFraction()).isCloseTo(0.53, within(1e-12));
            assertThat(s.samples("port", T0, T0.plusSeconds(7200))).extracting(Sample::time)
                    .isSorted().hasSize(8);
        }
    }

    @Test
    void sitesAndRangesAreKeptApart() {
        try (TelemetryStore s = create()) {
            s.append(twoHours("port"));
            s.append(twoHours("village"));
            assertThat(s.samples("port", T0.plusSeconds(900), T0.plusSeconds(1800))).singleElement()
                    .extracting(Sample::socFraction).isEqualTo(0.51);
            assertThat(s.history("atlantis", Resolution.HOUR, T0, T0.plusSeconds(7200))).isEmpty();
            assertThat(s.history("village", Resolution.MINUTE, T0, T0.plusSeconds(7200))).hasSize(8);
        }
    }

    @Test
    void countersAreReplacedWhole() {
        try (TelemetryStore s = create()) {
            assertThat(s.counters("port")).isEmpty();
            s.putCounters("port", Map.of("green_kwh", 1200.5, "co2_avoided_t", 0.7));
            s.putCounters("port", Map.of("green_kwh", 1300.0));
            assertThat(s.counters("port")).containsExactly(Map.entry("green_kwh", 1300.0));
        }
    }

    @Test
    void dataAndCountersSurviveAReopen() {
        TelemetryStore s = create();
        s.append(twoHours("port"));
        s.putCounters("port", Map.of("green_kwh", 280.0));
        s.close();
        try (TelemetryStore again = reopen()) {
            if (again == null) {
                return; // not durable by design
            }
            assertThat(again.counters("port")).containsEntry("green_kwh", 280.0);
            assertThat(again.history("port", Resolution.HOUR, T0, T0.plusSeconds(7200))).hasSize(2);
            // and keeps counting from there
            again.append(List.of(new Sample("port", T0.plusSeconds(7200), 900, 100, 0, 100, 0, 0, 0, 0.6)));
            assertThat(again.history("port", Resolution.DAY, T0, T0.plusSeconds(86_400)).get(0).windKwh())
                    .isCloseTo(225, within(1e-9));
        }
    }

    @Test
    void eventsComeBackNewestFirstFilteredAndAfterAReopen() {
        try (TelemetryStore s = create()) {
            s.appendEvents(List.of(new LoggedEvent("port", T0, "CLIP", "clipped to 1000 kW"),
                    new LoggedEvent("village", T0.plusSeconds(60), "UNMET", "15.0 kW of load unserved"),
                    new LoggedEvent("port", T0.plusSeconds(60), "UNMET", "2.0 kW of load unserved")));
            s.appendEvents(List.of(new LoggedEvent("port", T0.plusSeconds(120), "STALE", "held at 0 kW",
                    Map.of("age_s", "42", "limit_s", "30", "reason", "disk & 50% = full"))));
            assertThat(s.eventCount()).isEqualTo(4);
            // newest first; of the two at T0 + 60 s, the one appended later first
            assertThat(s.events(null, null, 10)).extracting(LoggedEvent::detail).containsExactly("held at 0 kW",
                    "2.0 kW of load unserved", "15.0 kW of load unserved", "clipped to 1000 kW");
            assertThat(s.events("port", null, 10)).hasSize(3);
            assertThat(s.events(null, "UNMET", 10)).extracting(LoggedEvent::siteId).containsExactly("port",
                    "village");
            assertThat(s.events("port", "UNMET", 1)).singleElement()
                    .isEqualTo(new LoggedEvent("port", T0.plusSeconds(60), "UNMET", "2.0 kW of load unserved"));
        }
        try (TelemetryStore again = reopen()) {
            if (again != null) {
                assertThat(again.eventCount()).isEqualTo(4);
                assertThat(again.events(null, null, 1).get(0).kind()).isEqualTo("STALE");
                // the values come back as they went in, any text included
                assertThat(again.events(null, null, 1).get(0).values()).containsExactlyInAnyOrderEntriesOf(
                        Map.of("age_s", "42", "limit_s", "30", "reason", "disk & 50% = full"));
                assertThat(again.events(null, "UNMET", 1).get(0).values()).isEmpty();
            }
        }
    }

    @Test
    void deletingOldSamplesKeepsRollupsAndCounters() {
        try (TelemetryStore s = create()) {
            s.append(twoHours("port"));
            s.append(twoHours("village"));
            s.putCounters("port", Map.of("wind_kwh", 200.0));
            List<Bucket> before = s.history("port", Resolution.QUARTER_HOUR, T0, T0.plusSeconds(7200));
            // the first hour's four quarter-hour samples of each site go
            assertThat(s.deleteSamplesBefore(T0.plusSeconds(3600))).isEqualTo(8);
            assertThat(s.samples("port", T0, T0.plusSeconds(7200))).hasSize(4)
                    .allSatisfy(x -> assertThat(x.time()).isAfterOrEqualTo(T0.plusSeconds(3600)));
            assertThat(s.samples("village", T0, T0.plusSeconds(3600))).isEmpty();
            assertThat(s.history("port", Resolution.QUARTER_HOUR, T0, T0.plusSeconds(7200))).isEqualTo(before);
            assertThat(s.counters("port")).containsEntry("wind_kwh", 200.0);
            assertThat(s.deleteSamplesBefore(T0)).isZero();
        }
    }

    @Test
    void oneWriterAndSeveralReadersShareTheStore() throws Exception {
        try (TelemetryStore s = create()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                // 50 batches of two hours each, shifted by a day per batch, written while two threads read
                java.util.concurrent.Future<?> writer = pool.submit(() -> {
                    for (int b = 0; b < 50; b++) {
                        List<Sample> batch = new ArrayList<>();
                        for (Sample x : twoHours("port")) {
                            batch.add(new Sample(x.siteId(), x.time().plusSeconds(86_400L * b), x.seconds(),
                                    x.windKw(), x.pvKw(), x.loadKw(), x.batteryKw(), x.gridKw(), x.unmetKw(),
                                    x.socFraction()));
                        }
                        s.append(batch);
                        s.putCounters("port", Map.of("batches", (double) b + 1));
                    }
                });
                List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(pool.submit(() -> {
                        while (!writer.isDone()) {
                            // every day holds all eight samples of its batch or none: never half a transaction
                            for (Bucket d : s.history("port", Resolution.DAY, T0, T0.plusSeconds(86_400L * 50))) {
                                assertThat(d.samples()).isEqualTo(8);
                            }
                            s.counters("port");
                        }
                    }));
                }
                writer.get();
                for (java.util.concurrent.Future<?> r : readers) {
                    r.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(s.history("port", Resolution.DAY, T0, T0.plusSeconds(86_400L * 50))).hasSize(50);
            assertThat(s.counters("port")).containsEntry("batches", 50.0);
        }
    }

    @Test
    void aRetriedBatchIsStoredAndCountedOnce() {
        try (TelemetryStore s = create()) {
            List<Sample> all = twoHours("port");
            s.append(all.subList(0, 6));
            // the writer retries after a failure it cannot see through: the first six again, with two new ones
            s.append(all);
            s.append(all.subList(4, 8));
            assertThat(s.samples("port", T0, T0.plusSeconds(7200))).hasSize(8);
            Bucket first = s.history("port", Resolution.HOUR, T0, T0.plusSeconds(3600)).get(0);
            // as in rollupsSumEnergiesPerBucketByHand: 4 samples, 100 kWh of wind, 60 kWh imported
            assertThat(first.samples()).isEqualTo(4);
            assertThat(first.windKwh()).isCloseTo(100, within(1e-9));
            assertThat(first.importKwh()).isCloseTo(60, within(1e-9));
            Bucket day = s.history("port", Resolution.DAY, T0, T0.plusSeconds(86_400)).get(0);
            assertThat(day.samples()).isEqualTo(8);
            assertThat(day.windKwh()).isCloseTo(200, within(1e-9));
        }
    }

    @Test
    void samplesAndTheCountersThatCountThemArriveTogether() {
        try (TelemetryStore s = create()) {
            // wind of two hours = 200 kWh, the counter says so in the same transaction
            s.append(twoHours("port"), Map.of("port", Map.of("wind_kwh", 200.0), "village", Map.of("pv_kwh", 3.0)));
            assertThat(s.counters("port")).containsExactlyEntriesOf(Map.of("wind_kwh", 200.0));
            assertThat(s.counters("village")).containsExactlyEntriesOf(Map.of("pv_kwh", 3.0));
            assertThat(s.history("port", Resolution.DAY, T0, T0.plusSeconds(86_400)).get(0).windKwh())
                    .isCloseTo(200, within(1e-9));
            s.verify();
        }
    }
}
