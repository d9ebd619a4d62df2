package org.gridtwin.ems.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.Measurements;
import org.gridtwin.ems.SafetyLayer;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.junit.jupiter.api.Test;

/**
 * How a site's measurements are composed from its devices and what happens when one fails. The devices here are
 * scripted values, not a protocol: the adapters' tests talk to real Modbus peers.
 */
class FieldSiteTest {
    static final Site PORT = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port").orElseThrow();
    static final Instant T = Instant.parse("2024-06-01T04:00:00Z"); // noon at the port (UTC+8)

    /** A device that answers what the test sets, or fails when told to. */
    static final class Scripted implements FieldDevice {
        final String id;
        final DeviceRole role;
        DeviceReading next;
        String failure;
        final List<Double> written = new ArrayList<>();
        final List<Double> limits = new ArrayList<>();
        boolean takesLimits = true;

        Scripted(String id, DeviceRole role) {
            this.id = id;
            this.role = role;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public DeviceRole role() {
            return role;
        }

        @Override
        public CompletionStage<Void> writeBatteryKw(double kw, int revertSeconds) {
            written.add(kw);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> writeLimitKw(double kw, int revertSeconds) {
            if (!takesLimits) {
                return FieldDevice.super.writeLimitKw(kw, revertSeconds);
            }
            limits.add(kw);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }

        private int answers;

        void set(double kw, double toBus, double fromBus, double soc) {
            next = new DeviceReading(T.plusMillis(answers++), kw, Double.NaN, toBus, fromBus, soc, 230, 50, 4, 0);
        }

        @Override
        public CompletionStage<DeviceReading> read() {
            if (failure == null && next != null) {
                // a device answers with the time of its answer: every read is a new reading
                next = new DeviceReading(next.time().plusMillis(1), next.powerKw(), next.reactiveKvar(),
                        next.toBusKwh(), next.fromBusKwh(), next.socFraction(), next.voltageV(),
                        next.frequencyHz(), next.status(), next.alarms());
            }
            return failure != null ? CompletableFuture.failedFuture(new DeviceException(failure))
                    : CompletableFuture.completedFuture(next);
        }
    }

    final Scripted wind = new Scripted("wind", DeviceRole.WIND);
    final Scripted pv = new Scripted("pv", DeviceRole.PV);
    final Scripted bat = new Scripted("bat", DeviceRole.BATTERY);
    final Scripted grid = new Scripted("grid", DeviceRole.GRID_METER);
    final List<Event> events = new ArrayList<>();

    FieldSite site() {
        return site(Double.NaN);
    }

    /** The port's four devices; below {@code gridLostBelowV} at the grid meter the grid counts as lost. */
    FieldSite site(double gridLostBelowV) {
        DeviceLink.Settings s = new DeviceLink.Settings(Duration.ofMillis(100), Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        return new FieldSite(PORT, List.of(new DeviceLink(PORT.id(), wind, 12_500, s, events::add),
                new DeviceLink(PORT.id(), pv, 5_000, s, events::add),
                new DeviceLink(PORT.id(), bat, 1_000, s, events::add),
                new DeviceLink(PORT.id(), grid, 0, s, events::add)), events::add, 10, gridLostBelowV);
    }

    @Test
    void theGridMetersVoltageTellsTheLoopTheGridIsLostAndNoSetpointFightsTheIsland() {
        // the meter on the grid side of the coupling point: below 100 V the public grid is gone
        FieldSite f = site(100);
        wind.set(500, 1000, 0, Double.NaN);
        pv.set(200, 400, 0, Double.NaN);
        bat.set(100, 50, 20, 0.5);
        grid.set(1000, 9000, 10, Double.NaN);
        Measurements m = new Measurements();
        f.read(T, 1 / 3600.0, m);
        assertThat(m.gridAvailable).isTrue();
        assertThat(f.island()).isEqualTo(org.gridtwin.ems.SiteDevices.IslandStatus.CONNECTED);
        f.write(new org.gridtwin.dispatch.Setpoints().batteryKw(50));
        assertThat(bat.written).containsExactly(50.0);
        // 0 V at the meter: islanded (the port's battery is grid-forming), nothing written while it lasts
        grid.next = new DeviceReading(T.plusSeconds(1), 0, Double.NaN, 9000, 10, Double.NaN, 0, Double.NaN, 4, 0);
        f.read(T.plusSeconds(1), 1 / 3600.0, m);
        assertThat(m.gridAvailable).isFalse();
        assertThat(f.island().state()).isEqualTo(org.gridtwin.physics.bus.IslandState.ISLANDED);
        assertThat(f.island().transitions()).isEqualTo(org.gridtwin.physics.bus.SiteBus.ISLANDED_NOW);
        f.write(new org.gridtwin.dispatch.Setpoints().batteryKw(80));
        assertThat(bat.written).containsExactly(50.0);
        f.read(T.plusSeconds(2), 1 / 3600.0, m);
        assertThat(f.island().transitions()).isZero();
        // 231 V: back, resynchronised, setpoints again
        grid.set(1000, 9000, 10, Double.NaN);
        f.read(T.plusSeconds(3), 1 / 3600.0, m);
        assertThat(f.island().transitions()).isEqualTo(org.gridtwin.physics.bus.SiteBus.RESYNC);
        f.write(new org.gridtwin.dispatch.Setpoints().batteryKw(30));
        assertThat(bat.written).containsExactly(50.0, 30.0);
    }

    @Test
    void withoutALoadMeterTheLoadIsTheBalanceAtTheGridMeter() {
        FieldSite f = site();
        wind.set(500, 1000, 0, Double.NaN);
        pv.set(200, 400, 0, Double.NaN);
        bat.set(100, 50, 20, 0.5);
        grid.set(1000, 9000, 10, Double.NaN);
        Measurements m = new Measurements();
        f.read(T, 1 / 3600.0, m);
        // load = grid + wind + PV + battery = 1000 + 500 + 200 + 100 kW
        assertThat(m.loadKw).isCloseTo(1800, within(1e-9));
        assertThat(m.windAvailableKw).isEqualTo(500);
        assertThat(m.incomplete).isFalse();
        assertThat(m.measuredEpochSecond).isEqualTo(T.getEpochSecond());
        // 2,000 kWh at 50 %: 800 kWh above the 10 % floor, far more than 1,000 kW for a second
        assertThat(m.maxDischargeKw).isEqualTo(1000);
        assertThat(m.maxChargeKw).isEqualTo(1000);
        // noon on a Saturday in June: the port's tariff and the calendar of its zone
        assertThat(m.minuteOfDay).isEqualTo(12 * 60);
        assertThat(m.month).isEqualTo(6);

        // one second later the counters moved: wind +0.125 kWh = 450 kW over the second, the battery charged 0.01 kWh
        wind.set(480, 1000.125, 0, Double.NaN);
        pv.set(200, 400 + 200 / 3600.0, 0, Double.NaN);
        bat.set(-36, 50, 20.01, 0.5);
        grid.set(1100, 9000 + 1200 / 3600.0, 10, Double.NaN);
        f.read(T.plusSeconds(1), 1 / 3600.0, m);
        assertThat(f.flows().windKw()).isCloseTo(450, within(1e-6));
        assertThat(f.flows().batteryKw()).isCloseTo(-36, within(1e-6));
        assertThat(f.flows().gridKw()).isCloseTo(1200, within(1e-6));
        // balance: load = 1200 + 450 + 200 - 36
        assertThat(f.flows().loadKw()).isCloseTo(1814, within(1e-6));
    }

    @Test
    void aDeviceThatNeverAnsweredHoldsTheBatteryAndADeadOneRaisesAnAlarm() {
        FieldSite f = site();
        LiveSite live = new LiveSite(PORT, Strategies.create("self-consumption", PORT.dispatch()), f,
                new SafetyLayer(PORT.id(), Double.POSITIVE_INFINITY, 3, events::add), events::add);
        wind.set(5000, 0, 0, Double.NaN);
        pv.set(0, 0, 0, Double.NaN);
        bat.set(0, 0, 0, 0.5);
        grid.failure = "connection refused";
        live.cycle(T, 1);
        // the surplus would charge at 1,000 kW, but the grid meter has not answered yet
        assertThat(bat.written).containsExactly(0.0);
        assertThat(events).extracting(Event::kind).containsExactly(Event.Kind.STALE);
        assertThat(events.get(0).detail()).startsWith("measurements incomplete");
        grid.failure = null;
        grid.set(-5000, 0, 0, Double.NaN);
        live.cycle(T.plusSeconds(1), 1);
        // a failed device is asked again after 2 s (its back-off): still incomplete at 1 s
        assertThat(bat.written.get(1)).isEqualTo(0.0);
        live.cycle(T.plusSeconds(2), 1);
        // load = -5000 + 5000 + 0 + 0 = 0: all 5 MW of wind is surplus, the battery charges at its rating
        assertThat(bat.written.get(2)).isEqualTo(-1000.0);
        events.clear();
        // the meter dies at 3 s: its last good reading (2 s) stays; older than 3 s at 6 s, then the battery goes
        // to 0 kW
        grid.failure = "connection refused";
        for (int s = 3; s <= 7; s++) {
            live.cycle(T.plusSeconds(s), 1);
        }
        assertThat(bat.written.subList(3, 6)).containsOnly(-1000.0); // 1 to 3 s old: within the limit
        assertThat(bat.written.subList(6, 8)).containsOnly(0.0);
        assertThat(events).extracting(Event::kind).containsExactly(Event.Kind.DEVICE, Event.Kind.STALE);
        assertThat(events.get(0).values()).containsEntry("device", "grid").containsEntry("state", "stale")
                .containsEntry("reason", "connection refused");
        // it answers again (after its back-off) and the battery is released
        grid.failure = null;
        for (int s = 8; s <= 60 && events.size() < 3; s++) {
            live.cycle(T.plusSeconds(s), 1);
        }
        assertThat(events.get(2).values()).containsEntry("state", "recovered");
        assertThat(bat.written.get(bat.written.size() - 1)).isEqualTo(-1000.0);
    }

    @Test
    void aCounterThatGoesBackIsBadData() {
        List<Event> ev = new ArrayList<>();
        DeviceLink link = new DeviceLink("s", wind, 12_500, new DeviceLink.Settings(Duration.ofMillis(100),
                Duration.ofSeconds(3), Duration.ofSeconds(30)), ev::add);
        wind.set(500, 1000, 0, Double.NaN);
        link.start(T);
        link.finish(T, System.nanoTime());
        wind.set(500, 990, 0, Double.NaN);
        link.start(T.plusSeconds(1));
        link.finish(T.plusSeconds(1), System.nanoTime());
        assertThat(link.problem()).startsWith("bad data: energy counter went back (1000.000 -> 990.000 kWh in");
        assertThat(link.lastGood().toBusKwh()).isEqualTo(1000);
        wind.set(20_000, 1001, 0, Double.NaN);
        link.start(T.plusSeconds(3));
        link.finish(T.plusSeconds(3), System.nanoTime());
        // 20 MW from a 12.5 MW farm: beyond 1.5 x its rating
        assertThat(link.problem()).isEqualTo("bad data: power 20000.0 kW beyond 1.5 x the rating of 12500 kW");
    }

    @Test
    void theExportGuardWritesLimitsWhileTheyHoldAndReleasesThemOnce() {
        // the port behind a 1,000 kW export limit; wind 12,500 kW, PV 5,000 kW rated in these links
        Site weak = new Site(PORT.id(), PORT.name(), PORT.timeZone(), PORT.latitudeDeg(), PORT.longitudeDeg(),
                PORT.weather(), PORT.wind(), PORT.pv(), PORT.battery(), new org.gridtwin.model.GridConnection(
                        PORT.grid().importLimitKw(), 1000, PORT.grid().tariff(), PORT.grid().feedInYuanPerKwh(),
                        PORT.grid().emissionFactor()), PORT.loads(), PORT.dispatch());
        DeviceLink.Settings s = new DeviceLink.Settings(Duration.ofMillis(100), Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        FieldSite f = new FieldSite(weak, List.of(new DeviceLink(PORT.id(), wind, 12_500, s, events::add),
                new DeviceLink(PORT.id(), pv, 5_000, s, events::add),
                new DeviceLink(PORT.id(), bat, 1_000, s, events::add),
                new DeviceLink(PORT.id(), grid, 0, s, events::add)), events::add, 10);
        pv.takesLimits = false;
        double windRated = PORT.windRatedKw();
        double pvRated = PORT.pvRatedKwAc();
        // exporting 1,000 kW: load = −1000 + 5000 + 2000 + 0 = 6,000 kW, so the cap is 1000 + 6000 − 0 = 7,000 kW,
        // split by the scenario's ratings; both plants produce above their shares
        wind.set(5000, 0, 0, Double.NaN);
        pv.set(2000, 0, 0, Double.NaN);
        bat.set(0, 0, 0, 0.5);
        grid.set(-1000, 0, 0, Double.NaN);
        Measurements m = new Measurements();
        f.read(T, 1 / 3600.0, m);
        assertThat(m.loadKw).isCloseTo(6000, within(1e-9));
        f.write(new org.gridtwin.dispatch.Setpoints());
        f.awaitWrites();
        double windShare = 7000 * windRated / (windRated + pvRated);
        double pvShare = 7000 - windShare;
        // the PV makes less than its share: the wind may have the rest
        double windLimit = windShare + Math.max(0, pvShare - 2000);
        double pvLimit = pvShare + Math.max(0, windShare - 5000);
        assertThat(wind.limits).singleElement().satisfies(kw -> assertThat(kw).isCloseTo(windLimit, within(1e-6)));
        assertThat(bat.written).containsExactly(0.0);
        assertThat(events).extracting(Event::kind).containsExactly(Event.Kind.CURTAIL, Event.Kind.DEVICE);
        assertThat(events.get(0).detail()).isEqualTo("wind + PV limited to 7000.0 kW to keep export within 1000 kW "
                + "(load 6000.0 kW, battery 0.0 kW)");
        // the PV inverter here takes no limit: said once, with what may happen
        assertThat(events.get(1).values()).containsEntry("state", "limit_failed");
        assertThat(events.get(1).detail()).startsWith(String.format(java.util.Locale.ROOT, "pv limit %.1f kW not "
                + "written (pv: pv (pv) takes no power limit); export may exceed the 1000 kW limit", pvLimit));

        // the load rises to 30 MW: the cap is above both ratings, the limit is released once and then left alone
        grid.set(23000, 0, 0, Double.NaN);
        for (int k = 1; k <= 3; k++) {
            f.read(T.plusSeconds(k), 1 / 3600.0, m);
            f.write(new org.gridtwin.dispatch.Setpoints());
            f.awaitWrites();
        }
        assertThat(wind.limits).hasSize(2).last().isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(events).hasSize(2);
    }

    @Test
    void aDischargeIntoTheSurplusIsReducedBeforeTheRenewablesAreLimited() {
        FieldSite f = site();
        // the port's own 12,500 kW export limit: 12,000 wind + 2,000 PV − 1,000 load = 13,000 surplus, 500 beyond
        wind.set(12_000, 0, 0, Double.NaN);
        pv.set(2000, 0, 0, Double.NaN);
        bat.set(0, 0, 0, 0.5);
        grid.set(-13_000, 0, 0, Double.NaN);
        f.read(T, 1 / 3600.0, new Measurements());
        f.write(new org.gridtwin.dispatch.Setpoints().batteryKw(800));
        f.awaitWrites();
        assertThat(bat.written).containsExactly(0.0);
    }
}
