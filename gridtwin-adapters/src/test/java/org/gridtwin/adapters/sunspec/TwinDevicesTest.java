package org.gridtwin.adapters.sunspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.gridtwin.adapters.Peer;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;

/** What {@code gridtwin devices} serves, read by pymodbus: the port's five units, ticking on the wall clock. */
@Requires(Prerequisite.MODBUS_PEERS)
class TwinDevicesTest {
    @Test
    void thePortsTwinsAnswerOnTheNetworkAndTick() throws Exception {
        int port = Peer.freePort();
        try (TwinDevices devices = new TwinDevices(SunSpecTwinTest.PORT, 7, "127.0.0.1", port, Duration.ofSeconds(1),
                Clock.systemUTC()).start()) {
            assertThat(devices.units()).containsEntry(1, DeviceRole.PV).containsEntry(2, DeviceRole.WIND)
                    .containsEntry(3, DeviceRole.BATTERY).containsEntry(4, DeviceRole.GRID_METER)
                    .containsEntry(5, DeviceRole.LOAD_METER);
            Peer load = Peer.run("/usr/bin/python3", java.nio.file.Path.of("src/test/resources/peers/sunspec_reader.py")
                    .toAbsolutePath().toString(), Integer.toString(port), "5", Peer.MODELS.toString(), "203.W");
            assertThat(load.exitCode()).as("%s", load.lines()).isZero();
            assertThat(load.lines().get(0)).isEqualTo("CHAIN 1:66 203:105");
            // the port's load is never zero: cranes, reefers and lighting (docs/data-sources.md)
            double w = Double.parseDouble(load.lines().get(1).split(" ")[2]);
            assertThat(w).isPositive();
            // it ticks on the wall clock: wait for the next tick rather than for a moment
            long before = devices.ticks();
            long until = System.nanoTime() + 10_000_000_000L;
            while (devices.ticks() == before && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(devices.ticks()).isGreaterThan(before);
        }
    }
}
