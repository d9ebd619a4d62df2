package org.gridtwin.adapters.sunspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.gridtwin.adapters.Peer;
import org.gridtwin.adapters.modbus.ModbusConnection;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.device.DeviceLink;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GridTwin's SunSpec client against a SunSpec device that is not its code: pymodbus serving images that
 * {@code peers/sunspec_device.py} builds from the model JSON. The expected values are the script's raw registers
 * times ten to their scale factors, computed by hand below.
 */
@Requires(Prerequisite.MODBUS_PEERS)
class SunSpecFieldDeviceTest {
    static int port;
    static Peer peer;
    static ModbusConnection connection;

    @BeforeAll
    static void start() throws Exception {
        port = Peer.freePort();
        peer = Peer.python("sunspec_device.py", port, Integer.toString(port), Peer.MODELS.toString());
        connection = new ModbusConnection("127.0.0.1", port, Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() {
        connection.close();
        peer.close();
    }

    static SunSpecFieldDevice device(DeviceRole role, int unit) {
        return new SunSpecFieldDevice("u" + unit, role, connection, unit, false, Clock.systemUTC());
    }

    static DeviceReading read(SunSpecFieldDevice d) throws Exception {
        return d.read().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    static String failure(SunSpecFieldDevice d) throws Exception {
        try {
            read(d);
            throw new AssertionError("the read succeeded");
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        }
    }

    @Test
    void anInverterIsFoundAndDecoded() throws Exception {
        SunSpecFieldDevice pv = device(DeviceRole.PV, 1);
        DeviceReading r = read(pv);
        assertThat(pv.layout().base()).isEqualTo(40000);
        assertThat(pv.layout().chain()).containsExactly(1, 103);
        assertThat(pv.layout().models().get(103)).isEqualTo(40000 + 2 + 68);
        assertThat(r.powerKw()).isCloseTo(123.46, within(1e-9)); // 12346 x 10^1 W
        assertThat(r.toBusKwh()).isCloseTo(4_294_967.0, within(1e-6)); // 4,294,967,000 Wh
        assertThat(r.frequencyHz()).isCloseTo(50.02, within(1e-9));
        assertThat(r.voltageV()).isCloseTo(230.1, within(1e-9));
        assertThat(r.status()).isEqualTo(4);
    }

    @Test
    void aBatteryReportsItsMeterAndStateOfCharge() throws Exception {
        DeviceReading r = read(device(DeviceRole.BATTERY, 3));
        assertThat(r.socFraction()).isCloseTo(0.5, within(1e-12)); // 5000 x 10^-2 %
        // meter W -2500 x 10^2 W: exported from the battery's side, i.e. 250 kW of discharge into the bus
        assertThat(r.powerKw()).isCloseTo(250, within(1e-9));
        assertThat(r.toBusKwh()).isCloseTo(2000, within(1e-9)); // TotWhExp 2000 x 10^3 Wh: discharged
        assertThat(r.fromBusKwh()).isCloseTo(1000, within(1e-9)); // TotWhImp: charged
        DeviceReading g = read(device(DeviceRole.GRID_METER, 4));
        assertThat(g.powerKw()).isCloseTo(1500, within(1e-9));
        assertThat(g.toBusKwh()).isCloseTo(7, within(1e-9));
    }

    @Test
    void aSetpointIsWrittenThroughTheStorageModel() throws Exception {
        SunSpecFieldDevice bat = device(DeviceRole.BATTERY, 3);
        bat.writeBatteryKw(-400, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        // 124 starts at 40070 (SunS 2 + common 68); OutWRte at +12: -400 kW of 1,000 kW = charge 40 %:
        // OutWRte -40.00 % = -4000 at 10^-2 (0xF060 = 61536), InWRte 4000, WinTms 0, RvrtTms 10 s
        assertThat(peer.await("WRITE 3 40082")).isEqualTo("WRITE 3 40082 61536,4000,0,10");
        // then StorCtl_Mod = 3 (charge and discharge limits active) at +5, once
        assertThat(peer.await("WRITE 3 40075")).isEqualTo("WRITE 3 40075 3");
        bat.writeBatteryKw(250, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(peer.await("WRITE 3 40082 2500")).isEqualTo("WRITE 3 40082 2500,63036,0,10");
        assertThat(peer.lines().stream().filter(l -> l.startsWith("WRITE 3 40075")).count()).isEqualTo(1);
    }

    @Test
    void aPowerLimitIsWrittenThroughImmediateControls123InPercentOfWMax() throws Exception {
        SunSpecFieldDevice pv = device(DeviceRole.PV, 11);
        pv.writeLimitKw(20, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        // 123 at 40154 (SunS 2 + common 68 + 103 52 + 121 32); WMaxLimPct at +5: 20 kW of WMax 5000 x 10^1 W = 40 %,
        // 400 at 10^-1; then WinTms 0, RvrtTms 10 s, RmpTms 0, WMaxLim_Ena 1, in one request
        assertThat(peer.await("WRITE 11 40159")).isEqualTo("WRITE 11 40159 400,0,10,0,1");
        pv.writeLimitKw(Double.POSITIVE_INFINITY, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(peer.await("WRITE 11 40163")).isEqualTo("WRITE 11 40163 0"); // released: WMaxLim_Ena 0
    }

    @Test
    void withoutModel123TheLimitGoesThroughDerControls704InPercentOfWRtg() throws Exception {
        SunSpecFieldDevice pv = device(DeviceRole.PV, 12);
        pv.writeLimitKw(20, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        // 704 at 40150 (2 + 68 + 52 + 120's 28); from WMaxLimPctEna at +14: enabled, 20 kW of WRtg 400 x 10^2 W =
        // 50 % (500 at 10^-1), revert to 100 % (1000), disabled on revert, WMaxLimPctRvrtTms 10 s (uint32: 0, 10)
        assertThat(peer.await("WRITE 12 40164")).isEqualTo("WRITE 12 40164 1,500,1000,0,0,10");
        // a limit above the rating is 100 %, not more
        pv.writeLimitKw(55, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(peer.await("WRITE 12 40164 1,1000")).isEqualTo("WRITE 12 40164 1,1000,1000,0,0,10");
    }

    @Test
    void aDeviceWithoutControlsOrABatteryIsToldWhyItTakesNoLimit() throws Exception {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> device(DeviceRole.PV, 1).writeLimitKw(20, 10).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(e.getCause().getMessage()).isEqualTo("u1: power limits need controls model 123 or 704, the device "
                + "offers [1, 103]");
        e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> device(DeviceRole.BATTERY, 3).writeLimitKw(20, 10).toCompletableFuture()
                        .get(5, TimeUnit.SECONDS));
        assertThat(e.getCause().getMessage()).isEqualTo("u3 (battery) takes no power limit");
    }

    @Test
    void brokenDevicesAreNamedWithTheirFault() throws Exception {
        assertThat(failure(device(DeviceRole.PV, 7))).contains("model 103 at 40070 says L = 40, its definition 50");
        assertThat(failure(device(DeviceRole.PV, 9))).contains("no SunS marker at 40000, 50000 or 0");
        assertThat(failure(device(DeviceRole.GRID_METER, 1))).contains("no meter model (201 to 204)");
        // W_SF 0x8000: the power is not a number, and the link refuses it as bad data
        assertThat(read(device(DeviceRole.PV, 8)).powerKw()).isNaN();
        List<Event> events = new ArrayList<>();
        DeviceLink link = new DeviceLink("s", device(DeviceRole.PV, 8), 200,
                new DeviceLink.Settings(Duration.ofMillis(300), Duration.ZERO, Duration.ofSeconds(30)), events::add);
        Instant t = Instant.parse("2024-06-01T00:00:00Z");
        link.start(t);
        link.finish(t, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(link.lastGood()).isNull();
        assertThat(link.problem()).isEqualTo("bad data: power not reported");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Event.Kind.DEVICE);
            assertThat(e.values()).containsEntry("state", "stale").containsEntry("device", "u8");
        });
    }

    @Test
    void aSlowDeviceCostsItsTimeoutNotItsDelay() throws Exception {
        int slowPort = Peer.freePort();
        try (Peer slowPeer = Peer.python("sunspec_device.py", slowPort, Integer.toString(slowPort),
                Peer.MODELS.toString(), "--slow");
                ModbusConnection slowConnection = new ModbusConnection("127.0.0.1", slowPort, Duration.ofMillis(300))) {
            slowDevice(new SunSpecFieldDevice("u10", DeviceRole.PV, slowConnection, 10, false, Clock.systemUTC()));
        }
    }

    private void slowDevice(SunSpecFieldDevice device) throws Exception {
        List<Event> events = new ArrayList<>();
        DeviceLink slow = new DeviceLink("s", device, 200,
                new DeviceLink.Settings(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                events::add);
        Instant t = Instant.parse("2024-06-01T00:00:00Z");
        long t0 = System.nanoTime();
        slow.start(t);
        slow.finish(t, t0 + TimeUnit.MILLISECONDS.toNanos(300));
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        // the peer answers after 1,000 ms; the link gave up at its 300 ms timeout
        assertThat(waitedMs).isLessThan(1000);
        assertThat(slow.problem()).contains("300 ms");
        // back-off: the next cycle (1 s later) is skipped, the one after is tried again
        slow.start(t.plusSeconds(1));
        slow.finish(t.plusSeconds(1), System.nanoTime());
        assertThat(slow.polls()).isEqualTo(1);
        assertThat(events).isEmpty();
        slow.start(t.plusSeconds(2));
        slow.finish(t.plusSeconds(2), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(slow.polls()).isEqualTo(2);
        assertThat(events).singleElement().satisfies(e -> assertThat(e.detail())
                .startsWith("u10 (pv) without a good reading for 2 s (limit 2 s)"));
    }

    @Test
    void aPeerKilledMidRunRaisesAnAlarmAndIsFoundAgainWhenItReturns() throws Exception {
        int p = Peer.freePort();
        List<Event> events = new ArrayList<>();
        Peer first = Peer.python("sunspec_device.py", p, Integer.toString(p), Peer.MODELS.toString());
        try (ModbusConnection c = new ModbusConnection("127.0.0.1", p, Duration.ofMillis(300))) {
            DeviceLink link = new DeviceLink("s", new SunSpecFieldDevice("grid", DeviceRole.GRID_METER, c, 4, false,
                    Clock.systemUTC()), 0, new DeviceLink.Settings(Duration.ofMillis(300), Duration.ofSeconds(3),
                            Duration.ofSeconds(4)), events::add);
            Instant t = Instant.parse("2024-06-01T00:00:00Z");
            int s = 0;
            poll(link, t.plusSeconds(s++));
            assertThat(link.lastGood().powerKw()).isEqualTo(1500);
            first.kill();
            // polls fail at once (the connection is gone); after 3 s without a good reading: one alarm
            while (s < 8) {
                poll(link, t.plusSeconds(s++));
            }
            assertThat(link.problem()).isNotNull();
            assertThat(events).singleElement().satisfies(e -> assertThat(e.values())
                    .containsEntry("state", "stale").containsEntry("device", "grid"));
            try (Peer second = Peer.python("sunspec_device.py", p, Integer.toString(p), Peer.MODELS.toString())) {
                // asked again within its back-off (at most 4 s here): a new connection, the chain found again
                while (s < 20 && events.size() < 2) {
                    poll(link, t.plusSeconds(s++));
                }
                assertThat(events).hasSize(2);
                assertThat(events.get(1).values()).containsEntry("state", "recovered");
                assertThat(link.lastGood().powerKw()).isEqualTo(1500);
            }
        } finally {
            first.close();
        }
    }

    private static void poll(DeviceLink link, Instant t) {
        link.start(t);
        link.finish(t, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300));
    }
}
