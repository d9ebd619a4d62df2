package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.store.Sample;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HistoryQueryTest {
    static final Scenario NINGBO = BuiltinScenarios.load("ningbo").orElseThrow();
    static final Site PORT = NINGBO.sites().get(0);
    static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    static Sample minute(int m, double windKw) {
        return new Sample(PORT.id(), T0.plusSeconds(60L * m), 60, windKw, 0, 0, 0, 0, 0, 0.5);
    }

    static double windKwh(byte[] json) {
        JsonNode points = Snapshot.JSON.readTree(json).get("points");
        double sum = 0;
        for (JsonNode p : points) {
            sum += p.get("wind_kwh").asDouble();
        }
        return sum;
    }

    /**
     * An answer is reused until the write count moves and is then read again: 60 kW for one minute is 1 kWh, a
     * second such minute makes it 2 kWh only once the store says it wrote.
     */
    @Test
    void cachedAnswersLastUntilTheNextWrite() {
        try (FailingStore store = new FailingStore()) {
            AtomicLong writes = new AtomicLong();
            HistoryQuery q = new HistoryQuery(store, NINGBO, writes::get);
            store.append(List.of(minute(0, 60)), Map.of());
            writes.incrementAndGet();
            String from = "2024-06-01T00:00:00Z";
            String to = "2024-06-01T01:00:00Z";
            byte[] first = q.json(PORT, "hour", from, to, T0);
            assertThat(windKwh(first)).isCloseTo(1.0, within(1e-9));

            // stored behind the cache's back: the version did not move, so the same bytes come back
            store.append(List.of(minute(1, 60)), Map.of());
            assertThat(q.json(PORT, "hour", from, to, T0)).isSameAs(first);
            // raw samples are never cached
            assertThat(Snapshot.JSON.readTree(q.json(PORT, "raw", from, to, T0)).get("points")).hasSize(2);

            writes.incrementAndGet();
            assertThat(windKwh(q.json(PORT, "hour", from, to, T0))).isCloseTo(2.0, within(1e-9));
        }
    }

    /** A query without an end ends at the site's now, so each now is its own answer. */
    @Test
    void anOpenRangeIsKeyedOnNow() {
        try (FailingStore store = new FailingStore()) {
            HistoryQuery q = new HistoryQuery(store, NINGBO, () -> 1);
            store.append(List.of(minute(0, 60), minute(90, 120)), Map.of());
            String from = "2024-06-01T00:00:00Z";
            assertThat(windKwh(q.json(PORT, "hour", from, null, T0.plusSeconds(3600)))).isCloseTo(1.0, within(1e-9));
            assertThat(windKwh(q.json(PORT, "hour", from, null, T0.plusSeconds(7200)))).isCloseTo(3.0, within(1e-9));
        }
    }
}
