package org.gridtwin.adapters.sunspec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridtwin.adapters.Peer;
import org.gridtwin.adapters.mqtt.MqttFieldDevice;
import org.gridtwin.adapters.mqtt.MqttSubscriptions;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.model.devices.DeviceBinding;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code gridtwin devices --mqtt}: the port's twins published on a real mosquitto, read by mosquitto_sub and by an
 * MQTT field device bound the way docs/devices.md shows.
 */
@Requires(Prerequisite.MOSQUITTO)
class TwinMqttGatewayTest {
    @Test
    void eachDevicePublishesItsReadingAfterEachTick() throws Exception {
        int mqttPort = Peer.freePort();
        try (Peer broker = Peer.listening(mqttPort, "/usr/sbin/mosquitto", "-p", Integer.toString(mqttPort));
                TwinDevices devices = new TwinDevices(SunSpecTwinTest.PORT, 7, "127.0.0.1", Peer.freePort(),
                        Duration.ofSeconds(1), Clock.systemUTC())
                        .withMqtt(URI.create("tcp://127.0.0.1:" + mqttPort), "gridtwin-devices").start();
                MqttSubscriptions subs = new MqttSubscriptions("127.0.0.1", mqttPort)) {
            Peer sub = Peer.run("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(mqttPort), "-t",
                    "gridtwin-devices/chuanshan-port/battery", "-C", "1", "-W", "15");
            assertThat(sub.exitCode()).as("%s", sub.lines()).isZero();
            JsonNode battery = new ObjectMapper().readTree(sub.lines().get(0));
            // the twin starts at the scenario's initial SoC, 0.5, and moves by at most 1,000 kW x 1 s a tick
            assertThat(battery.get("soc_fraction").asDouble()).isBetween(0.49, 0.51);
            assertThat(battery.get("power_kw").isNumber()).isTrue();
            assertThat(battery.get("time").asString()).endsWith("Z");
            MqttFieldDevice pv = new MqttFieldDevice("pv", DeviceRole.PV, subs, new DeviceBinding.MqttSubscription(
                    "gridtwin-devices/chuanshan-port/pv", Map.of("power_kw", new DeviceBinding.JsonField("/power_kw", 1),
                            "to_bus_kwh", new DeviceBinding.JsonField("/to_bus_kwh", 1))), Clock.systemUTC());
            DeviceReading r = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (r == null && System.nanoTime() < until) {
                try {
                    r = pv.read().toCompletableFuture().get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Thread.sleep(50); // no message yet
                }
            }
            assertThat(r).isNotNull();
            // PV within its 2,500 kW rating, its counter not negative
            assertThat(r.powerKw()).isBetween(0.0, 2500.0);
            assertThat(r.toBusKwh()).isGreaterThanOrEqualTo(0);
        }
    }
}
