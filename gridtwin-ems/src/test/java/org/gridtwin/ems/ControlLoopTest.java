package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

class ControlLoopTest {

    static LiveSite live(Site site, SiteInputs in, List<Event> events) {
        return new LiveSite(site, Strategies.create("self-consumption", site.dispatch()), LiveTwinTest.twin(in),
                new SafetyLayer(site.id(), Double.POSITIVE_INFINITY, 3600, events::add), events::add);
    }

    @Test
    void unservedLoadRaisesAnAlarmWithTheFigures() {
        // one bus, no battery, 20 kW flat load, import limited to 5 kW: at midnight (no sun) 15 kW go unserved
        Site s = Sites.withBattery(Sites.oneBusPvBattery(), null);
        Site site = new Site(s.id(), s.name(), s.timeZone(), s.latitudeDeg(), s.longitudeDeg(), s.weather(),
                s.wind(), s.pv(), null, Sites.grid(5, 100, 0.5), s.loads(), s.dispatch());
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        List<Event> events = new ArrayList<>();
        LiveSite l = live(site, SiteInputsBuilder.build(site, grid, 1), events);
        l.cycle(grid.start(), 3600);
        // (the strategy's discharge request is also clipped to 0 kW: no battery)
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.UNMET).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Event.Kind.UNMET);
            assertThat(e.detail()).isEqualTo("15.0 kW of load unserved (import limit 5 kW)");
        });
        assertThat(l.counters().unmetKwh()).isCloseTo(15, within(1e-9));
    }

    @Test
    void aFastClockRunsTheTwinDayThenStopsAtItsEndWithTheReason() throws InterruptedException {
        Site site = Sites.oneBusPvBattery();
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2),
                Duration.ofMinutes(15), Sites.SHANGHAI);
        List<Event> events = new ArrayList<>();
        LiveSite l = live(site, SiteInputsBuilder.build(site, grid, 1), events);
        // 15-minute cycles at 900,000x: one cycle a millisecond of wall time
        try (ControlLoop loop = new ControlLoop(List.of(l), Duration.ofMinutes(15), 900_000,
                grid.start())) {
            loop.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (loop.failure().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // the 97th cycle falls after the twin's day: the loop keeps the reason and runs no further
            assertThat(loop.failure()).get().extracting(Throwable::getMessage).asString()
                    .contains("is outside the twin's period");
            assertThat(loop.cyclesRun()).isEqualTo(96);
            assertThat(l.counters().cycles()).isEqualTo(96);
        }
    }

    /**
     * Cycles are due by the stopwatch from the anchor, not from the start: a loop started 10 ms (10 cycles of 1 min
     * at 60,000x) after its anchor runs cycles 0..10 at once, then exactly the ones that fall due as the (injected)
     * stopwatch moves, 2.5 ms more being cycles 11 and 12.
     */
    @Test
    void theTimeBeforeTheStartIsCaughtUpAndNothingRunsBeforeItIsDue() throws InterruptedException {
        Site site = Sites.oneBusPvBattery();
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2),
                Duration.ofMinutes(15), Sites.SHANGHAI);
        List<Event> events = new ArrayList<>();
        LiveSite l = live(site, SiteInputsBuilder.build(site, grid, 1), events);
        java.util.concurrent.atomic.AtomicLong stopwatch = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);
        try (ControlLoop loop = new ControlLoop(List.of(l), Duration.ofMinutes(1), 60_000, grid.start(),
                stopwatch::get)) {
            loop.start(stopwatch.get() - 10_000_000L);
            awaitCycles(loop, 11);
            Thread.sleep(50); // the stopwatch stands still: no further cycle may fall due
            assertThat(loop.cyclesRun()).isEqualTo(11);
            stopwatch.addAndGet(2_500_000L);
            awaitCycles(loop, 13);
            Thread.sleep(50);
            assertThat(loop.cyclesRun()).isEqualTo(13);
            assertThat(loop.nextCycleTime()).isEqualTo(grid.start().plus(Duration.ofMinutes(13)));
            assertThat(loop.failure()).isEmpty();
        }
    }

    static void awaitCycles(ControlLoop loop, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (loop.cyclesRun() < n && loop.failure().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
