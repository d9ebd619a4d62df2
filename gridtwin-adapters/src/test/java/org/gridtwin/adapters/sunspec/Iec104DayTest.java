package org.gridtwin.adapters.sunspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridtwin.adapters.iec104.Iec104Client;
import org.gridtwin.adapters.iec104.Iec104FieldDevice;
import org.gridtwin.adapters.iec104.Iec104Station;
import org.gridtwin.adapters.iec104.SitePointMap;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.Measurements;
import org.gridtwin.ems.SafetyLayer;
import org.gridtwin.ems.device.DeviceLink;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.FieldSite;
import org.gridtwin.model.devices.DeviceBinding.IoaPoint;
import org.gridtwin.sim.SiteInputs;
import org.junit.jupiter.api.Test;

/**
 * One controller, two harnesses, through IEC 104: the day of {@link FieldSiteDayTest}, with the port's twins behind
 * the IEC 104 controlled station and the controller reading them as an RTU's points (floats, integrated totals in
 * 0.1 kWh) and sending its battery set-point with select before operate. After each tick the test interrogates the
 * station once (in real time the spontaneous transmission does it within a second), so each cycle reads that
 * tick's values.
 */
class Iec104DayTest {
    static final int CYCLES = 1440;

    @Test
    void aDayThroughIec104EqualsTheDayInProcess() throws Exception {
        SiteInputs in = SunSpecTwinTest.day(FieldSiteDayTest.PORT);
        Instant start = in.grid().start();
        LiveSite reference = new LiveSite(FieldSiteDayTest.PORT, Strategies.create(
                FieldSiteDayTest.PORT.dispatch().strategy(), FieldSiteDayTest.PORT.dispatch()),
                SunSpecTwinTest.twinOf(in), new SafetyLayer(FieldSiteDayTest.PORT.id(), Double.POSITIVE_INFINITY, 180,
                        e -> { }), e -> { });
        for (int k = 0; k < CYCLES; k++) {
            reference.cycle(start.plusSeconds(60L * k), 60);
        }
        SunSpecTwin twin = new SunSpecTwin(FieldSiteDayTest.PORT, SunSpecTwinTest.twinOf(in));
        List<Event> events = new ArrayList<>();
        try (Iec104Station station = new Iec104Station(List.of(new TwinStationPoints(twin)),
                Iec104Station.Options.defaults().withScan(Duration.ofHours(1)), Clock.systemUTC())
                .start("127.0.0.1", 0);
                Iec104Client rtu = new Iec104Client("127.0.0.1", station.port(), List.of(1),
                        Iec104Client.Options.defaults(), Clock.systemUTC())) {
            FieldSite field = new FieldSite(FieldSiteDayTest.PORT, links(rtu, events), events::add, 180);
            LiveSite live = new LiveSite(FieldSiteDayTest.PORT, Strategies.create(
                    FieldSiteDayTest.PORT.dispatch().strategy(), FieldSiteDayTest.PORT.dispatch()), field,
                    new SafetyLayer(FieldSiteDayTest.PORT.id(), Double.POSITIVE_INFINITY, 180, events::add),
                    events::add);
            for (int k = 0; k < CYCLES; k++) {
                Instant t = start.plusSeconds(60L * k);
                twin.tick(t, 60);
                if (rtu.connected()) {
                    rtu.interrogate(1).toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
                live.cycle(t, 60);
                field.awaitWrites();
            }
            twin.settle(start.plusSeconds(60L * CYCLES));
            rtu.interrogate(1).toCompletableFuture().get(10, TimeUnit.SECONDS);
            field.read(start.plusSeconds(60L * CYCLES), 1 / 60.0, new Measurements());
        }
        Map<String, Double> meters = twin.energiesKwh();
        LiveSite.Counters ref = reference.counters();
        System.out.printf(java.util.Locale.ROOT, "IEC 104 vs in-process: wind %.3f / %.3f, import %.3f / %.3f, "
                + "export %.3f / %.3f, charge %.3f / %.3f, discharge %.3f / %.3f kWh%n", meters.get("wind"),
                ref.windKwh(), meters.get("import"), ref.importKwh(), meters.get("export"), ref.exportKwh(),
                meters.get("charge"), ref.chargeKwh(), meters.get("discharge"), ref.dischargeKwh());
        assertThat(events).as("no device failed, nothing was stale")
                .noneMatch(e -> e.kind() == Event.Kind.DEVICE || e.kind() == Event.Kind.STALE);
        assertThat(meters.get("wind")).isCloseTo(ref.windKwh(), within(1e-6));
        assertThat(meters.get("load")).isCloseTo(ref.loadKwh(), within(1e-6));
        // decisions made from short floats (24-bit mantissa: 0.0005 kW at 6 MW) and a float set-point: the same
        // decisions as in process to far below a kWh over the day
        assertThat(meters.get("charge")).isCloseTo(ref.chargeKwh(), within(0.5));
        assertThat(meters.get("discharge")).isCloseTo(ref.dischargeKwh(), within(0.5));
        assertThat(meters.get("import")).isCloseTo(ref.importKwh(), within(0.5));
        assertThat(meters.get("export")).isCloseTo(ref.exportKwh(), within(0.5));
    }

    static List<DeviceLink> links(Iec104Client rtu, List<Event> events) {
        DeviceLink.Settings s = new DeviceLink.Settings(Duration.ofSeconds(5), Duration.ofSeconds(180),
                Duration.ofSeconds(30));
        String id = FieldSiteDayTest.PORT.id();
        double kwh = SitePointMap.KWH_PER_COUNT;
        return List.of(
                new DeviceLink(id, new Iec104FieldDevice("pv", DeviceRole.PV, rtu, 1, Map.of(
                        "power_kw", new IoaPoint(SitePointMap.PV_KW, 1),
                        "to_bus_kwh", new IoaPoint(SitePointMap.PV_KWH, kwh)), 2500), 2500, s, events::add),
                new DeviceLink(id, new Iec104FieldDevice("wind", DeviceRole.WIND, rtu, 1, Map.of(
                        "power_kw", new IoaPoint(SitePointMap.WIND_KW, 1),
                        "to_bus_kwh", new IoaPoint(SitePointMap.WIND_KWH, kwh)), 12_500), 12_500, s, events::add),
                new DeviceLink(id, new Iec104FieldDevice("bat", DeviceRole.BATTERY, rtu, 1, Map.of(
                        "power_kw", new IoaPoint(SitePointMap.BATTERY_KW, 1),
                        "to_bus_kwh", new IoaPoint(SitePointMap.DISCHARGE_KWH, kwh),
                        "from_bus_kwh", new IoaPoint(SitePointMap.CHARGE_KWH, kwh),
                        "soc_fraction", new IoaPoint(SitePointMap.SOC_PERCENT, 0.01),
                        "setpoint_kw", new IoaPoint(SitePointMap.BATTERY_SETPOINT, 1)), 1000), 1000, s, events::add),
                new DeviceLink(id, new Iec104FieldDevice("grid", DeviceRole.GRID_METER, rtu, 1, Map.of(
                        "power_kw", new IoaPoint(SitePointMap.GRID_KW, 1),
                        "to_bus_kwh", new IoaPoint(SitePointMap.IMPORT_KWH, kwh),
                        "from_bus_kwh", new IoaPoint(SitePointMap.EXPORT_KWH, kwh)), 0), 0, s, events::add));
    }
}
