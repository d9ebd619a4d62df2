package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.Site;
import org.gridtwin.physics.bus.IslandState;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.Engine;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.sim.SiteResult;
import org.junit.jupiter.api.Test;

/**
 * Islands in the live loop: the port's scheduled outage on twin devices reproduces the simulation of the same
 * events step by step, and an administrator's drill takes a twin into an island and back.
 */
class LiveIslandTest {
    private static final Site PORT = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port")
            .orElseThrow();

    /** A 6-hour outage from 10:00 local on 2024-06-02, at 15-minute steps over two days. */
    private static SiteInputs withOutage() {
        Instant start = LocalDateTime.of(2024, 6, 2, 10, 0).atZone(PORT.timeZone()).toInstant();
        Site site = PORT.withResilience(PORT.resilience().withEvents(new FaultEvents(
                List.of(new FaultEvents.Window(start, 6 * 3600)), null, List.of(), List.of(), 1)));
        return SiteInputsBuilder.build(site, TimeGrid.ofDates(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 3),
                Duration.ofMinutes(15), site.timeZone()), 7);
    }

    @Test
    void aScheduledOutageRunsLiveExactlyAsSimulated() {
        SiteInputs in = withOutage();
        SiteResult simulated = Engine.run(in, Strategies.create("self-consumption", in.site().dispatch()));
        List<Event> events = new ArrayList<>();
        TwinSite twin = LiveTwinTest.twin(in);
        LiveSite live = new LiveSite(in.site(), Strategies.create("self-consumption", in.site().dispatch()), twin,
                new SafetyLayer(in.site().id(), Double.POSITIVE_INFINITY, 3600, events::add), events::add);
        TimeGrid grid = in.grid();
        ControlLoop loop = new ControlLoop(List.of(live), Duration.ofMinutes(15), 1, grid.start());
        int islanded = 0;
        for (int i = 0; i < grid.steps(); i++) {
            loop.runCycle(Instant.ofEpochSecond(grid.epochSecond(i)));
            SiteDevices.Flows f = twin.flows();
            String at = "step " + i;
            assertThat(f.batteryKw()).as(at).isCloseTo(simulated.batteryKw()[i], within(1e-9));
            assertThat(f.gridKw()).as(at).isCloseTo(simulated.gridKw()[i], within(1e-9));
            assertThat(f.unmetKw()).as(at).isCloseTo(simulated.unmetKw()[i], within(1e-9));
            assertThat(f.curtailedKw()).as(at).isCloseTo(simulated.curtailedKw()[i], within(1e-9));
            assertThat(twin.island().state()).as(at).isEqualTo(simulated.island().stateAt(i));
            assertThat(twin.island().shedLevel()).as(at).isEqualTo(simulated.island().shedLevel()[i]);
            if (twin.island().state() != IslandState.CONNECTED) {
                islanded++;
            }
        }
        // 6 h of outage at 15 minutes: 24 steps off the grid; the 300 s resync is under half a step
        assertThat(islanded).isEqualTo(24);
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.ISLAND).first().satisfies(e -> {
            assertThat(e.detail()).startsWith("grid lost: the battery holds the island at");
            assertThat(e.time()).isEqualTo(LocalDateTime.of(2024, 6, 2, 10, 0).atZone(PORT.timeZone()).toInstant());
        });
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.RESTORE)
                .anySatisfy(e -> assertThat(e.detail()).startsWith("grid back: resynchronised after 300 s"));
        // no per-cycle unmet alarms while islanded: the shedding is told by its transitions
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.UNMET).isEmpty();
        double unmetCritical = 0;
        for (double u : simulated.island().unmetCriticalKw()) {
            unmetCritical += u * 0.25;
        }
        assertThat(live.counters().unmetCriticalKwh()).isCloseTo(unmetCritical, within(1e-6));
        assertThat(live.counters().islandedHours() + live.counters().darkHours()).isCloseTo(6, within(1e-9));
    }

    @Test
    void aLostBatteryLinkAgesIntoTheSafeStateAndAStuckMeterMisleadsTheStrategy() {
        // 1-minute cycles from 12:00 local on 2024-06-01; the battery's link is lost 12:10-12:20, the meter's load
        // sticks 12:30-12:40; the safety layer acts on measurements older than 180 s
        LocalDateTime noon = LocalDateTime.of(2024, 6, 1, 12, 0);
        java.util.function.Function<Integer, Instant> at = m -> noon.plusMinutes(m).atZone(PORT.timeZone())
                .toInstant();
        Site site = PORT.withResilience(PORT.resilience().withEvents(new FaultEvents(List.of(), null, List.of(),
                List.of(), 1, List.of(
                        new FaultEvents.MeasurementFault(FaultEvents.Quantity.SOC_FRACTION,
                                FaultEvents.FaultMode.LOST, new FaultEvents.Window(at.apply(10), 600)),
                        new FaultEvents.MeasurementFault(FaultEvents.Quantity.LOAD_KW,
                                FaultEvents.FaultMode.STUCK, new FaultEvents.Window(at.apply(30), 600))))));
        SiteInputs in = SiteInputsBuilder.build(site, TimeGrid.ofDates(LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 2), Duration.ofMinutes(1), site.timeZone()), 7);
        List<Event> events = new ArrayList<>();
        TwinSite twin = LiveTwinTest.twin(in);
        SafetyLayer safety = new SafetyLayer(site.id(), Double.POSITIVE_INFINITY, 180, events::add);
        LiveSite live = new LiveSite(site, Strategies.create("self-consumption", site.dispatch()), twin, safety,
                events::add);
        int first = 12 * 60;
        double[] battery = new double[45];
        for (int m = 0; m < 45; m++) {
            live.cycle(in.grid().start().plusSeconds(60L * (first + m)), 60);
            battery[m] = twin.flows().batteryKw();
        }
        // minutes 10-12: the last SoC is at most 180 s old, the strategy still acts on it; 13-19: older, held at 0
        for (int m = 13; m < 20; m++) {
            assertThat(battery[m]).as("minute %d", m).isZero();
        }
        assertThat(battery[5]).isNotZero();
        assertThat(battery[21]).isNotZero();
        assertThat(safety.staleCycles()).isEqualTo(7);
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.STALE).hasSize(1);
        // what the controller is told, read from a second twin of the same inputs: minutes 30-39 repeat the load of
        // minute 29 on time (a stuck sensor), while the true crane load moves every minute
        TwinSite view = LiveTwinTest.twin(in);
        Measurements m = new Measurements();
        for (int k = 28; k <= 40; k++) {
            Instant t = in.grid().start().plusSeconds(60L * (first + k));
            view.read(t, 1 / 60.0, m);
            double expected = k >= 30 && k < 40 ? in.loadKw()[first + 29] : in.loadKw()[first + k];
            assertThat(m.loadKw).as("minute %d", k).isEqualTo(expected);
            assertThat(m.measuredEpochSecond).isEqualTo(t.getEpochSecond());
        }
        assertThat(in.loadKw()[first + 35]).isNotCloseTo(in.loadKw()[first + 29], within(1.0));
    }

    @Test
    void aDrillTakesATwinIntoAnIslandAndBack() {
        SiteInputs in = LiveTwinTest.port(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2), Duration.ofMinutes(1));
        List<Event> events = new ArrayList<>();
        TwinSite twin = LiveTwinTest.twin(in);
        LiveSite live = new LiveSite(in.site(), Strategies.create("self-consumption", in.site().dispatch()), twin,
                new SafetyLayer(in.site().id(), Double.POSITIVE_INFINITY, 3600, events::add), events::add);
        Instant t = in.grid().start().plusSeconds(12 * 3600);
        live.cycle(t, 60);
        assertThat(OperatorCommand.execute(live, new OperatorCommand.GridDrill(true), "admin").accepted()).isTrue();
        live.cycle(t.plusSeconds(60), 60);
        assertThat(live.lastIsland().state()).isNotEqualTo(IslandState.CONNECTED);
        assertThat(live.lastFlows().gridKw()).isZero();
        OperatorCommand.execute(live, new OperatorCommand.GridDrill(false), "admin");
        // 300 s of grid at one-minute cycles: five cycles still islanded, the sixth resynchronises
        int cycles = 0;
        do {
            live.cycle(t.plusSeconds(120 + 60L * cycles), 60);
            cycles++;
        } while (live.lastIsland().state() != IslandState.CONNECTED && cycles < 20);
        assertThat(cycles).isEqualTo(6);
        assertThat(events).extracting(Event::kind).contains(Event.Kind.ISLAND, Event.Kind.RESTORE);
    }
}
