package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.Engine;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.sim.SiteResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One controller, two harnesses: the live loop on twin devices must reproduce the simulation. */
class LiveTwinTest {

    static SiteInputs port(LocalDate from, LocalDate to, Duration step) {
        Site port = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port").orElseThrow();
        return SiteInputsBuilder.build(port, TimeGrid.ofDates(from, to, step, port.timeZone()), 7);
    }

    static TwinSite twin(SiteInputs in) {
        return new TwinSite(in.site(), in.grid(), in.windKw(), in.pvKw(), in.loadKw(), in.criticalKw(), in.priorityKw(),
                in.faults(), in.tariff(), in.emissionTPerMwh());
    }

    /**
     * Every rule strategy, including the ones that remember the past (peak shaving's learned target, arbitrage's
     * expected surplus): eight days, so the learned parts act from the second day on.
     */
    @ParameterizedTest
    @ValueSource(strings = {"self-consumption", "peak-shaving", "tou-arbitrage", "cycle-charging"})
    void aLiveWeekOnTwinsReproducesTheSimulatedWeekStepByStep(String strategy) {
        SiteInputs in = port(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 9), Duration.ofMinutes(15));
        Site site = in.site();
        SiteResult simulated = Engine.run(in, Strategies.create(strategy, site.dispatch()));
        List<Event> events = new ArrayList<>();
        TwinSite twin = twin(in);
        SafetyLayer safety = new SafetyLayer(site.id(), Double.POSITIVE_INFINITY, 3600, events::add);
        LiveSite live = new LiveSite(site, Strategies.create(strategy, site.dispatch()), twin, safety, events::add);
        TimeGrid grid = in.grid();
        ControlLoop loop = new ControlLoop(List.of(live), Duration.ofMinutes(15), 1, grid.start());
        double gridKwh = 0;
        for (int i = 0; i < grid.steps(); i++) {
            loop.runCycle(Instant.ofEpochSecond(grid.epochSecond(i)));
            SiteDevices.Flows f = twin.flows();
            assertThat(f.batteryKw()).as("battery at step %d", i).isCloseTo(simulated.batteryKw()[i], within(1e-9));
            assertThat(f.gridKw()).as("grid at step %d", i).isCloseTo(simulated.gridKw()[i], within(1e-9));
            assertThat(f.socFraction()).isCloseTo(simulated.socFraction()[i], within(1e-12));
            gridKwh += simulated.gridKw()[i] * grid.stepHours();
        }
        LiveSite.Counters c = live.counters();
        assertThat(c.cycles()).isEqualTo(8 * 96);
        assertThat(c.importKwh() - c.exportKwh()).isCloseTo(gridKwh, within(1e-6));
        double windKwh = 0;
        for (double w : simulated.windKw()) {
            windKwh += w * grid.stepHours();
        }
        assertThat(c.windKwh()).isCloseTo(windKwh, within(1e-6));
        // the rules ask for the whole net load (or all the battery takes) and leave the limits to the harness: the
        // safety layer clips what the engine clips, with the same result (above), one event per run of clips
        long clipEvents = events.stream().filter(e -> e.kind() == Event.Kind.CLIP).count();
        assertThat(safety.clips()).isPositive();
        assertThat(clipEvents).isPositive().isLessThanOrEqualTo(safety.clips());
        // the battery did work in every rule (a strategy that never moves it would pass the comparison trivially)
        double throughput = 0;
        for (double b : simulated.batteryKw()) {
            throughput += Math.abs(b) * grid.stepHours();
        }
        assertThat(throughput).as("battery throughput, kWh").isGreaterThan(500);
        assertThat(safety.staleCycles()).isZero();
        assertThat(safety.ramps()).isZero();
    }
}
