package org.gridtwin.adapters.sunspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.gridtwin.adapters.Peer;
import org.gridtwin.ems.TwinSite;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The port's twin devices served over SunSpec Modbus TCP, read and written by clients that are not GridTwin's code:
 * pymodbus walks the model chain and decodes the points, mbpoll writes a setpoint and is refused a read-only
 * register. The expected values are the twin's own series rounded to the registers' resolution.
 */
@Requires(Prerequisite.MODBUS_PEERS)
class SunSpecTwinTest {
    static final Site PORT = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port").orElseThrow();
    static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    SiteInputs in;
    SunSpecTwin twin;
    SunSpecServer server;
    int port;
    Instant t0;

    static SiteInputs day(Site site) {
        return SiteInputsBuilder.build(site, TimeGrid.ofDates(DAY, DAY.plusDays(1), Duration.ofMinutes(1),
                site.timeZone()), 7);
    }

    static TwinSite twinOf(SiteInputs in) {
        return new TwinSite(in.site(), in.grid(), in.windKw(), in.pvKw(), in.loadKw(), in.tariff(),
                in.emissionTPerMwh());
    }

    @BeforeEach
    void start() throws Exception {
        in = day(PORT);
        twin = new SunSpecTwin(PORT, twinOf(in));
        port = Peer.freePort();
        server = new SunSpecServer("127.0.0.1", port, twin.units(), twin::written).start();
        t0 = in.grid().start().plusSeconds(12 * 3600); // noon: wind and sun
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Peer read(int unit, String... points) throws Exception {
        String[] cmd = new String[5 + points.length];
        cmd[0] = "/usr/bin/python3";
        cmd[1] = java.nio.file.Path.of("src/test/resources/peers/sunspec_reader.py").toAbsolutePath().toString();
        cmd[2] = Integer.toString(port);
        cmd[3] = Integer.toString(unit);
        cmd[4] = Peer.MODELS.toString();
        System.arraycopy(points, 0, cmd, 5, points.length);
        Peer p = Peer.run(cmd);
        assertThat(p.exitCode()).as("%s", p.lines()).isZero();
        return p;
    }

    static double point(Peer p, String name) {
        return p.lines().stream().filter(l -> l.startsWith("POINT " + name + " ")).map(l -> l.split(" ")[2])
                .mapToDouble(Double::parseDouble).findFirst().orElseThrow();
    }

    @Test
    void pymodbusFindsEveryAssetAndReadsTheTwinsValues() throws Exception {
        twin.tick(t0, 60);
        int step = 12 * 60;
        // the port has PV, wind, a battery and both meters: units 1 to 5
        assertThat(twin.unitIds()).containsExactly(1, 2, 3, 4, 5);
        Peer wind = read(SunSpecTwin.WIND_UNIT, "103.W", "103.WH", "120.WRtg", "103.Hz");
        assertThat(wind.lines().get(0)).isEqualTo("CHAIN 1:66 103:50 120:26 123:24");
        // 12.5 MW x 1.2 fits int16 at 10^3: the power in whole kW
        assertThat(point(wind, "103.W")).isEqualTo(Math.rint(in.windKw()[step]) * 1000);
        assertThat(point(wind, "120.WRtg")).isEqualTo(12_500_000);
        assertThat(point(wind, "103.WH")).isZero();
        assertThat(point(wind, "103.Hz")).isEqualTo(50.0);
        Peer battery = read(SunSpecTwin.BATTERY_UNIT, "124.ChaState", "124.WChaMax", "203.W");
        assertThat(battery.lines().get(0)).isEqualTo("CHAIN 1:66 124:24 203:105");
        // SoC at the start of the day: the scenario's initial 50 %, at 0.01 % resolution
        assertThat(point(battery, "124.ChaState")).isEqualTo(50.0);
        assertThat(point(battery, "124.WChaMax")).isEqualTo(1_000_000);
        Peer grid = read(SunSpecTwin.GRID_UNIT, "203.W");
        double expected = in.loadKw()[step] - in.pvKw()[step] - in.windKw()[step];
        double sfW = Math.pow(10, ModelBlock.scaleFor(1.2 * 1000 * (12_500 + PORT.pv().stream()
                .mapToDouble(p -> p.inverterKwAc()).sum() + 1000 + PORT.grid().importLimitKw())));
        assertThat(point(grid, "203.W")).isEqualTo(Math.rint(expected * 1000 / sfW) * sfW);
    }

    @Test
    void mbpollWritesASetpointTheTwinFollowsAndRevertsFrom() throws Exception {
        twin.tick(t0, 60);
        // 124 at 40070; OutWRte 40082 (mbpoll counts from 1: reference 40083): discharge 50.00 % of 1,000 kW,
        // InWRte -50.00 % (65536 - 5000), WinTms 0, RvrtTms 120 s; then StorCtl_Mod = 3 at reference 40076
        Peer w = Peer.run("mbpoll", "-m", "tcp", "-p", Integer.toString(port), "-a", "3", "-r", "40083", "-t", "4",
                "-1", "127.0.0.1", "5000", "60536", "0", "120");
        assertThat(w.exitCode()).as("%s", w.lines()).isZero();
        Peer mode = Peer.run("mbpoll", "-m", "tcp", "-p", Integer.toString(port), "-a", "3", "-r", "40076", "-t",
                "4", "-1", "127.0.0.1", "3");
        assertThat(mode.exitCode()).as("%s", mode.lines()).isZero();
        twin.tick(t0.plusSeconds(60), 60);
        assertThat(twin.appliedSetpointKw()).isEqualTo(500.0);
        // ChaState (reference 40079) is read-only: an exception answer, nothing written
        Peer refused = Peer.run("mbpoll", "-m", "tcp", "-p", Integer.toString(port), "-a", "3", "-r", "40079", "-t",
                "4", "-1", "127.0.0.1", "1");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(String.join("\n", refused.lines())).containsIgnoringCase("illegal data address");
        // 121 s after the last write the PCS gives the setpoint up: 0 kW and StorCtl_Mod back to 0
        twin.tick(t0.plusSeconds(60 + 121), 60);
        assertThat(twin.appliedSetpointKw()).isZero();
        assertThat(twin.units().get(SunSpecTwin.BATTERY_UNIT).model(124).raw("StorCtl_Mod")).isZero();
    }

    @Test
    void mbpollLimitsThePvThroughImmediateControls() throws Exception {
        twin.tick(t0, 60);
        // unit 1: 123 at 40150 (2 + common 68 + 103's 52 + 120's 28); WMaxLimPct at +5 = 40155, mbpoll reference
        // 40156: 25.0 % (250 at 10^-1), WinTms 0, RvrtTms 60 s, RmpTms 0, WMaxLim_Ena 1
        Peer w = Peer.run("mbpoll", "-m", "tcp", "-p", Integer.toString(port), "-a", "1", "-r", "40156", "-t", "4",
                "-1", "127.0.0.1", "250", "0", "60", "0", "1");
        assertThat(w.exitCode()).as("%s", w.lines()).isZero();
        twin.tick(t0.plusSeconds(60), 60);
        // 25 % of the port's 2,500 kW WRtg: the PV shows (and delivers) at most 625 kW, in 0.1 kW steps
        double available = in.pvKw()[12 * 60 + 1];
        assertThat(available).as("the sun is up at noon").isGreaterThan(625);
        assertThat(twin.units().get(SunSpecTwin.PV_UNIT).model(103).value("W")).isEqualTo(625_000);
        assertThat(twin.present().pvKw()).isEqualTo(625);
        // 61 s after the write the inverter drops the limit by itself
        twin.tick(t0.plusSeconds(60 + 61), 60);
        assertThat(twin.present().pvKw()).isEqualTo(in.pvKw()[12 * 60 + 2]);
        assertThat(twin.units().get(SunSpecTwin.PV_UNIT).model(123).raw("WMaxLim_Ena")).isZero();
    }

    @Test
    void theSameTwinsAnswerAsAnIec104Station() throws Exception {
        twin.tick(t0, 60);
        int step = 12 * 60;
        try (org.gridtwin.adapters.iec104.Iec104Station station = new org.gridtwin.adapters.iec104.Iec104Station(
                java.util.List.of(new TwinStationPoints(twin)), org.gridtwin.adapters.iec104.Iec104Station.Options
                        .defaults().withScan(Duration.ofHours(1)), java.time.Clock.systemUTC()).start("127.0.0.1", 0);
                java.net.Socket s = new java.net.Socket("127.0.0.1", station.port())) {
            s.setSoTimeout(5000);
            java.io.DataInputStream link = new java.io.DataInputStream(s.getInputStream());
            java.io.OutputStream out = s.getOutputStream();
            out.write(org.gridtwin.adapters.iec104.Frames.bytes("68 04 07 00 00 00"));
            org.gridtwin.adapters.iec104.Frames.read(link);
            org.gridtwin.adapters.iec104.Frames.read(link);
            out.write(org.gridtwin.adapters.iec104.Frames.bytes("68 0E 00 00 02 00 64 01 06 00 01 00 00 00 00 14"));
            java.util.Map<Integer, Float> floats = new java.util.HashMap<>();
            String f;
            while (!(f = org.gridtwin.adapters.iec104.Frames.read(link)).contains(" 64 01 0A 00")) {
                byte[] b = org.gridtwin.adapters.iec104.Frames.bytes(f);
                org.gridtwin.adapters.iec104.Asdu a = org.gridtwin.adapters.iec104.Asdu.decode(b, 6, b.length - 6,
                        java.time.ZoneOffset.UTC);
                for (org.gridtwin.adapters.iec104.Asdu.InfoObject o : a.objects()) {
                    if (o instanceof org.gridtwin.adapters.iec104.Asdu.ShortFloat sf) {
                        floats.put(sf.ioa(), sf.value());
                    }
                }
            }
            // the twin's own values at noon, as floats: wind 1001, load 1003, SoC 1006 in %
            assertThat(floats.get(1001)).isEqualTo((float) in.windKw()[step]);
            assertThat(floats.get(1003)).isEqualTo((float) in.loadKw()[step]);
            // the start's 50 % less the minute's self-discharge the bus applies at the start of each cycle
            assertThat(floats.get(1006)).isEqualTo((float) (twin.present().socFraction() * 100))
                    .isCloseTo(50f, org.assertj.core.api.Assertions.within(0.001f));
            // select and execute 500 kW of discharge at 3001 (0x000BB9; 500.0 = 0x43FA0000): I(1, 5), the station
            // having sent 5 I frames (end of init, confirmation, the floats, the single points, termination)
            out.write(org.gridtwin.adapters.iec104.Frames.bytes(
                    "68 12 02 00 0A 00 32 01 06 00 01 00 B9 0B 00 00 00 FA 43 80"));
            assertThat(org.gridtwin.adapters.iec104.Frames.read(link)).contains(" 32 01 07 00");
            out.write(org.gridtwin.adapters.iec104.Frames.bytes(
                    "68 12 04 00 0C 00 32 01 06 00 01 00 B9 0B 00 00 00 FA 43 00"));
            assertThat(org.gridtwin.adapters.iec104.Frames.read(link)).contains(" 32 01 07 00");
            assertThat(org.gridtwin.adapters.iec104.Frames.read(link)).contains(" 32 01 0A 00");
            twin.tick(t0.plusSeconds(60), 60);
            assertThat(twin.appliedSetpointKw()).isEqualTo(500.0);
        }
    }
}
