package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

class RollingTwinTest {
    private final Site site = Sites.oneBusPvBattery();

    private TwinSite dayAt(Instant t) {
        LocalDate day = ZonedDateTime.ofInstant(t, Sites.SHANGHAI).toLocalDate();
        SiteInputs in = SiteInputsBuilder.build(site,
                TimeGrid.ofDates(day, day.plusDays(1), Duration.ofHours(1), Sites.SHANGHAI), 1);
        return new TwinSite(site, in.grid(), in.windKw(), in.pvKw(), in.loadKw(), in.tariff(), in.emissionTPerMwh());
    }

    @Test
    void aDrillGoesOnAcrossTheWindowsSeamWithoutIslandingAgain() {
        Site forming = site.withResilience(site.resilience().withIsland(new org.gridtwin.model.IslandSettings(true,
                0.1, 0.1, 0.1, 0.1, 0, 300, 0.1, 0.1)));
        RollingTwin twin = new RollingTwin(t -> {
            LocalDate day = ZonedDateTime.ofInstant(t, Sites.SHANGHAI).toLocalDate();
            SiteInputs in = SiteInputsBuilder.build(forming,
                    TimeGrid.ofDates(day, day.plusDays(1), Duration.ofHours(1), Sites.SHANGHAI), 1);
            return LiveTwinTest.twin(in);
        });
        List<Event> events = new ArrayList<>();
        LiveSite live = new LiveSite(forming, Strategies.create("self-consumption", forming.dispatch()), twin,
                new SafetyLayer(forming.id(), Double.POSITIVE_INFINITY, 3600, events::add), events::add);
        Instant start = LocalDate.of(2024, 6, 1).atStartOfDay(Sites.SHANGHAI).toInstant();
        // the grid goes at 22:00 on day 1; midnight moves the twin to day 2's window
        for (int h = 0; h < 26; h++) {
            if (h == 22) {
                assertThat(live.simulateGridOutage(true)).isTrue();
            }
            live.cycle(start.plusSeconds(3600L * h), 3600);
        }
        assertThat(twin.windowsBuilt()).isEqualTo(2);
        assertThat(twin.island().state()).isNotEqualTo(org.gridtwin.physics.bus.IslandState.CONNECTED);
        // one islanding, at 22:00, not a second one at the seam
        assertThat(live.counters().islandings()).isEqualTo(1);
    }

    @Test
    void crossingIntoTheNextWindowCarriesTheStateOfCharge() {
        List<TwinSite> built = new ArrayList<>();
        RollingTwin twin = new RollingTwin(t -> {
            TwinSite w = dayAt(t);
            built.add(w);
            return w;
        });
        List<Event> events = new ArrayList<>();
        LiveSite live = new LiveSite(site, Strategies.create("self-consumption", site.dispatch()), twin,
                new SafetyLayer(site.id(), Double.POSITIVE_INFINITY, 3600, events::add), events::add);
        Instant start = LocalDate.of(2024, 6, 1).atStartOfDay(Sites.SHANGHAI).toInstant();
        double socBeforeMidnight = 0;
        for (int h = 0; h < 30; h++) {
            live.cycle(start.plusSeconds(3600L * h), 3600);
            if (h == 23) {
                socBeforeMidnight = twin.flows().socFraction();
            }
            if (h == 24) {
                // the first hour of day 2 starts from the SoC day 1 ended with: at midnight there is no sun, the
                // 20 kW load is served from the battery at 20 / 0.9 kWh of stored energy per hour (100 kWh battery)
                assertThat(twin.flows().socFraction()).isCloseTo(
                        Math.max(0.1, socBeforeMidnight - 20 / 0.9 / 100), within(1e-12));
            }
        }
        assertThat(twin.windowsBuilt()).isEqualTo(2);
        assertThat(built).hasSize(2);
        assertThat(built.get(1).grid().start()).isEqualTo(start.plus(Duration.ofDays(1)));
        assertThat(live.counters().cycles()).isEqualTo(30);
    }

    @Test
    void withABuilderTheNextWindowIsReadyBeforeTheCycleThatNeedsIt() throws Exception {
        List<Instant> requested = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService builder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            RollingTwin twin = new RollingTwin(t -> {
                requested.add(t);
                return dayAt(t);
            }, builder);
            Instant start = LocalDate.of(2024, 6, 1).atStartOfDay(Sites.SHANGHAI).toInstant();
            twin.prepare(start);
            builder.submit(() -> { }).get(); // the background build of day 2 has finished
            // day 1 for the first cycle, day 2 ahead of time, at its start exactly
            assertThat(requested).containsExactly(start, start.plus(Duration.ofDays(1)));
            Measurements m = new Measurements();
            twin.read(start.plus(Duration.ofDays(1)), 1, m); // the switch takes the prebuilt day
            builder.submit(() -> { }).get();
            assertThat(requested).containsExactly(start, start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(2)));
            assertThat(twin.windowsBuilt()).isEqualTo(2);
        } finally {
            builder.shutdownNow();
        }
    }

    @Test
    void aRestoredStateOfChargeIsClampedToTheWindow() {
        RollingTwin twin = new RollingTwin(this::dayAt);
        twin.restoreSoc(1.5); // the stored value came from a bigger battery: the 0.9 ceiling holds
        Measurements m = new Measurements();
        twin.read(LocalDate.of(2024, 6, 1).atStartOfDay(Sites.SHANGHAI).toInstant(), 1, m);
        assertThat(m.socFraction).isEqualTo(0.9);
    }

    @Test
    void countersRoundTripThroughTheirMapAndCountAvoidedCo2() {
        List<Event> events = new ArrayList<>();
        LiveSite live = new LiveSite(site, Strategies.create("self-consumption", site.dispatch()),
                new RollingTwin(this::dayAt), new SafetyLayer(site.id(), Double.POSITIVE_INFINITY, 3600, events::add),
                events::add);
        Instant start = LocalDate.of(2024, 6, 1).atStartOfDay(Sites.SHANGHAI).toInstant();
        for (int h = 0; h < 24; h++) {
            live.cycle(start.plusSeconds(3600L * h), 3600);
        }
        LiveSite.Counters c = live.counters();
        // the test site's grid factor is a constant 0.5 t/MWh: every green MWh avoids 0.5 t
        assertThat(c.co2AvoidedT()).isCloseTo(c.greenKwh() * 0.5 / 1000, within(1e-12));
        assertThat(c.gridCo2T()).isCloseTo(c.importKwh() * 0.5 / 1000, within(1e-12));
        LiveSite.Counters copy = new LiveSite(site, Strategies.create("self-consumption", site.dispatch()),
                new RollingTwin(this::dayAt), new SafetyLayer(site.id(), 1, 1, e -> { }), e -> { }).counters();
        copy.restore(c.toMap());
        assertThat(copy.toMap()).isEqualTo(c.toMap()).containsOnlyKeys(LiveSite.Counters.KEYS);
        assertThat(copy.cycles()).isEqualTo(24);
    }
}
