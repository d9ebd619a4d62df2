package org.gridtwin.adapters.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridtwin.adapters.Peer;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.model.devices.DeviceBinding.RegisterPoint;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;

class RegisterMapDeviceTest {
    @Test
    void typesAndWordOrdersAsTheRegistersCarryThem() {
        // 0xFFFE as int16 is -2; scale 0.5 -> -1.0
        assertThat(RegisterMapDevice.decode(new RegisterPoint(0, "int16", false, 0.5, false), new int[] {0xFFFE}))
                .isEqualTo(-1.0);
        assertThat(RegisterMapDevice.decode(new RegisterPoint(0, "uint16", false, 1, false), new int[] {0xFFFE}))
                .isEqualTo(65534.0);
        // -100,000 = 0xFFFE7960: big-endian words FFFE 7960, little-endian 7960 FFFE
        RegisterPoint big = new RegisterPoint(0, "int32", false, 0.001, false);
        RegisterPoint little = new RegisterPoint(0, "int32", true, 0.001, false);
        assertThat(RegisterMapDevice.decode(big, new int[] {0xFFFE, 0x7960})).isCloseTo(-100, within(1e-12));
        assertThat(RegisterMapDevice.decode(little, new int[] {0x7960, 0xFFFE})).isCloseTo(-100, within(1e-12));
        assertThat(RegisterMapDevice.encode(little, -100)).containsExactly(0x7960, 0xFFFE);
        // 1.5f = 0x3FC00000
        RegisterPoint f = new RegisterPoint(0, "float32", false, 1, false);
        assertThat(RegisterMapDevice.decode(f, new int[] {0x3FC0, 0})).isEqualTo(1.5);
        assertThat(RegisterMapDevice.encode(f, 1.5)).containsExactly(0x3FC0, 0);
        assertThat(RegisterMapDevice.encode(new RegisterPoint(0, "uint32", false, 1, false), 4_294_967_295L))
                .containsExactly(0xFFFF, 0xFFFF);
    }

    /** The pymodbus peer's grid meter (unit 4) read as a plain map, not as SunSpec: the same numbers. */
    @Test
    @Requires(Prerequisite.MODBUS_PEERS)
    void aPlainMapReadsAPeer() throws Exception {
        int port = Peer.freePort();
        try (Peer peer = Peer.python("sunspec_device.py", port, Integer.toString(port), Peer.MODELS.toString());
                ModbusConnection c = new ModbusConnection("127.0.0.1", port, Duration.ofMillis(500))) {
            // 203 at 40070: W at +18 (1500 at W_SF 3: kW), TotWhImp acc32 at +46 (7 at TotWh_SF 3: kWh)
            RegisterMapDevice meter = new RegisterMapDevice("m", DeviceRole.GRID_METER, c, 4, Map.of(
                    "power_kw", new RegisterPoint(40088, "int16", false, 1, false),
                    "to_bus_kwh", new RegisterPoint(40116, "uint32", false, 1, false)), Clock.systemUTC());
            DeviceReading r = meter.read().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(r.powerKw()).isEqualTo(1500);
            assertThat(r.toBusKwh()).isEqualTo(7);
            // a battery's setpoint register: OutWRte of unit 3 (+12 of 124 at 40070), in 0.01 % steps
            RegisterMapDevice bat = new RegisterMapDevice("b", DeviceRole.BATTERY, c, 3, Map.of(
                    "power_kw", new RegisterPoint(40088 + 26 + 2, "int16", false, 1, false),
                    "setpoint_kw", new RegisterPoint(40082, "int16", false, 0.01, false)), Clock.systemUTC());
            bat.writeBatteryKw(-12.34, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
            // -12.34 / 0.01 = -1234 = 0xFB2E = 64302
            assertThat(peer.await("WRITE 3 40082")).isEqualTo("WRITE 3 40082 64302");
            // a PV inverter's limit register in 0.1 kW (any holding register of unit 1: 40100), rated 200 kW:
            // 87.64 kW → 876.4 → 876; a release writes the rating, 2000; above it, the rating
            RegisterMapDevice pv = new RegisterMapDevice("p", DeviceRole.PV, c, 1, Map.of(
                    "power_kw", new RegisterPoint(40088, "int16", false, 1, false),
                    "limit_kw", new RegisterPoint(40100, "uint16", false, 0.1, false)), 200, Clock.systemUTC());
            pv.writeLimitKw(87.64, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(peer.await("WRITE 1 40100")).isEqualTo("WRITE 1 40100 876");
            pv.writeLimitKw(Double.POSITIVE_INFINITY, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(peer.await("WRITE 1 40100 2000")).isEqualTo("WRITE 1 40100 2000");
            // a register the peer does not have: pymodbus answers with exception 2, named in the failure, and the
            // connection stays up for the next request
            RegisterMapDevice missing = new RegisterMapDevice("x", DeviceRole.GRID_METER, c, 4, Map.of(
                    "power_kw", new RegisterPoint(60000, "int16", false, 1, false)), Clock.systemUTC());
            java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> missing.read().toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertThat(e.getCause().getMessage()).contains("unit 4").contains("exception response 2 "
                    + "(ILLEGAL_DATA_ADDRESS)");
            assertThat(meter.read().toCompletableFuture().get(5, TimeUnit.SECONDS).powerKw()).isEqualTo(1500);
        }
    }
}
