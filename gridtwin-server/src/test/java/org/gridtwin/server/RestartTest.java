package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.gridtwin.sim.SiteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Data survives a restart of serve: counters continue, the battery resumes its SoC, the clock never goes back. */
class RestartTest {
    @TempDir
    Path data;

    @Test
    void aRestartedServerContinuesExactlyWhereTheFirstStopped() throws Exception {
        long firstEvents;
        java.util.List<org.gridtwin.ems.Event> firstLatest;
        try (GridTwinServer first = ApiTest.start(data)) {
            first.fleet().runCycles(300);
            firstEvents = first.events().total();
            firstLatest = first.events().latest(null, null, 5);
        }
        try (GridTwinServer second = ApiTest.start(data)) {
            // the alarms of the first run are still listed, with their count
            assertThat(firstEvents).isPositive();
            assertThat(second.events().total()).isEqualTo(firstEvents);
            assertThat(second.events().latest(null, null, 5)).isEqualTo(firstLatest);
            // the wall clock is fixed at the first start: the stored data ends 300 minutes later, so the second
            // run resumes there instead of writing over them
            assertThat(second.fleet().startedAt()).isEqualTo(ApiTest.START.plus(Duration.ofMinutes(300)));
            // the totals still count from the first start
            assertThat(second.fleet().since()).isEqualTo(ApiTest.START);
            second.fleet().runCycles(300);
            JsonNode live = new Http(second.port()).json("/api/live");
            for (JsonNode s : live.get("sites")) {
                // two runs of 300 cycles equal one simulation of 600 steps: counters, SoC and all
                SiteResult sim = ApiTest.simulated(s.get("id").asString());
                JsonNode c = s.get("counters");
                assertThat(c.get("cycles").asLong()).isEqualTo(600);
                assertThat(c.get("wind_kwh").asDouble()).isCloseTo(ApiTest.kwh(sim.windKw(), 600), within(1e-6));
                assertThat(c.get("pv_kwh").asDouble()).isCloseTo(ApiTest.kwh(sim.pvKw(), 600), within(1e-6));
                assertThat(c.get("import_kwh").asDouble()).isCloseTo(ApiTest.importKwh(sim.gridKw(), 600),
                        within(1e-6));
                if (!s.get("soc_fraction").isNull()) {
                    assertThat(s.get("soc_fraction").asDouble()).isCloseTo(sim.socFraction()[599], within(1e-9));
                }
            }
            // the store holds every minute of both runs once: 600 samples in ten hourly buckets of 60
            JsonNode h = new Http(second.port()).json("/api/sites/chuanshan-port/history?resolution=hour"
                    + "&from=2024-06-01&to=2024-06-01T02:00:00Z");
            assertThat(h.get("points")).hasSize(10).allSatisfy(p -> assertThat(p.get("samples").asLong())
                    .isEqualTo(60));
        }
    }

    @Test
    void rawSamplesOlderThanTheRetentionGoAndRollupsStay() throws Exception {
        LiveFleet.Options keepTwoHours = ApiTest.options().withKeepRaw(Duration.ofHours(2));
        try (GridTwinServer server = GridTwinServer.create(ApiTest.NINGBO, keepTwoHours, data,
                java.time.Clock.fixed(ApiTest.START, java.time.ZoneOffset.UTC), System::nanoTime)) {
            server.fleet().runCycles(300);
            // five hours of minutes, two kept: three hours x 60 minutes x 3 sites go
            assertThat(server.dropOldSamples()).isEqualTo(3 * 60 * 3);
            java.time.Instant end = ApiTest.START.plus(Duration.ofMinutes(300));
            assertThat(server.store().samples("chuanshan-port", ApiTest.START, end)).hasSize(120);
            assertThat(server.store().history("chuanshan-port", org.gridtwin.store.Resolution.HOUR, ApiTest.START,
                    end)).hasSize(5);
        }
    }
}
