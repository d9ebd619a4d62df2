package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start simulates the past, so the totals count from commissioning as the published figures do. */
class BackfillTest {
    @TempDir
    Path data;

    static GridTwinServer start(Path dir) throws Exception {
        LiveFleet.Options o = ApiTest.options().withBackfillFrom(LocalDate.of(2024, 5, 25));
        return GridTwinServer.create(ApiTest.NINGBO, o, dir, Clock.fixed(ApiTest.START, ZoneOffset.UTC),
                System::nanoTime);
    }

    @Test
    void theWeekBeforeTheFirstCycleIsSimulatedStoredAndCounted() throws Exception {
        // the same week simulated directly: 2024-05-25 to Shanghai midnight of 2024-06-01, the first cycle
        SimulationResult week = Simulation.withSystemTimer().run(SimulationRequest.defaults(ApiTest.NINGBO)
                .withPeriod(LocalDate.of(2024, 5, 25), LocalDate.of(2024, 6, 1)).withStep(Duration.ofHours(1)));
        Kpi port = KpiCalculator.site(week.sites().get(0));
        Instant since = Instant.parse("2024-05-24T16:00:00Z");
        try (GridTwinServer server = start(data)) {
            assertThat(server.fleet().since()).isEqualTo(since);
            assertThat(server.fleet().startedAt()).isEqualTo(ApiTest.START);
            var c = server.store().counters("chuanshan-port");
            assertThat(c.get("wind_kwh")).isCloseTo(port.windKwh(), within(1e-6));
            assertThat(c.get("co2_avoided_t")).isCloseTo(port.co2AvoidedT(), within(1e-9));
            assertThat(c.get("cycles")).isZero();
            // the simulated hours are history: 168 hourly samples, each the simulation's hour
            List<Bucket> hours = server.store().history("chuanshan-port", Resolution.HOUR, since, ApiTest.START);
            assertThat(hours).hasSize(168).allSatisfy(b -> assertThat(b.samples()).isEqualTo(1));
            for (int i = 0; i < 168; i++) {
                assertThat(hours.get(i).windKwh()).isCloseTo(week.sites().get(0).windKw()[i], within(1e-9));
            }
            server.fleet().runCycles(60);
            // the live counters go on from the simulated past: past + the hour of live samples
            double liveWind = 0;
            for (var x : server.store().samples("chuanshan-port", ApiTest.START, ApiTest.START.plusSeconds(3600))) {
                liveWind += x.windKw() * x.seconds() / 3600;
            }
            double counted = Http.JSON.readTree(server.fleet().snapshot().kpis()).at("/sites/chuanshan-port/wind_kwh")
                    .asDouble();
            assertThat(counted).isCloseTo(port.windKwh() + liveWind, within(1e-6));
        }
        try (GridTwinServer again = start(data)) {
            // a restart does not simulate the past twice
            assertThat(again.fleet().since()).isEqualTo(since);
            assertThat(again.store().history("chuanshan-port", Resolution.HOUR, since, ApiTest.START))
                    .hasSize(168).allSatisfy(b -> assertThat(b.samples()).isEqualTo(1));
        }
    }

    @Test
    void aFirstStartInTheAfternoonCountsTheMorningsWholeHours() throws Exception {
        // 05:30Z is 13:30 in Shanghai: seven days and thirteen whole hours lie between the backfill date and it
        Instant afternoon = Instant.parse("2024-06-01T05:30:00Z");
        SimulationResult days = Simulation.withSystemTimer().run(SimulationRequest.defaults(ApiTest.NINGBO)
                .withPeriod(LocalDate.of(2024, 5, 25), LocalDate.of(2024, 6, 2)).withStep(Duration.ofHours(1)));
        int hours = 7 * 24 + 13;
        double wind = 0;
        for (int i = 0; i < hours; i++) {
            wind += days.sites().get(0).windKw()[i]; // one hour each: kW = kWh
        }
        LiveFleet.Options o = ApiTest.options().withBackfillFrom(LocalDate.of(2024, 5, 25));
        try (GridTwinServer server = GridTwinServer.create(ApiTest.NINGBO, o, data,
                Clock.fixed(afternoon, ZoneOffset.UTC), System::nanoTime)) {
            assertThat(server.store().samples("chuanshan-port", Instant.EPOCH, afternoon)).hasSize(hours);
            assertThat(server.store().counters("chuanshan-port").get("wind_kwh")).isCloseTo(wind, within(1e-6));
            assertThat(server.fleet().startedAt()).isEqualTo(afternoon);
        }
    }
}
