package org.gridtwin.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridtwin.adapters.Peer;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.device.DeviceLink;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.model.devices.DeviceBinding;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;

/**
 * A gateway publishing JSON (played by mosquitto_pub, not GridTwin's code) read as a device: numbers found by
 * their pointers and scaled, a gateway that goes quiet is stale, a broker restart is survived.
 */
@Requires(Prerequisite.MOSQUITTO)
class MqttFieldDeviceTest {
    static void publish(int port, String topic, String json) throws Exception {
        Peer p = Peer.run("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", topic, "-m", json);
        assertThat(p.exitCode()).as("%s", p.lines()).isZero();
    }

    static DeviceReading await(MqttFieldDevice d, double powerKw) throws Exception {
        return await(d, powerKw, 15_000);
    }

    static DeviceReading await(MqttFieldDevice d, double powerKw, long millis) throws Exception {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            try {
                DeviceReading r = d.read().toCompletableFuture().get(1, TimeUnit.SECONDS);
                if (r.powerKw() == powerKw) {
                    return r;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // no message yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no reading of " + powerKw + " kW within " + millis + " ms");
    }

    @Test
    void aGatewaysMessagesAreReadings() throws Exception {
        int port = Peer.freePort();
        Peer broker = MqttTelemetryTest.broker(port);
        try (MqttSubscriptions subs = new MqttSubscriptions("127.0.0.1", port)) {
            MqttFieldDevice pv = new MqttFieldDevice("pv-gw", DeviceRole.PV, subs, new DeviceBinding.MqttSubscription(
                    "village/pv", Map.of("power_kw", new DeviceBinding.JsonField("/ac/p_w", 0.001),
                            "to_bus_kwh", new DeviceBinding.JsonField("/energy/kwh", 1))), Clock.systemUTC());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!subs.connected() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // the subscription is acknowledged after the connection
            publish(port, "village/pv", "{\"ac\": {\"p_w\": 123456}, \"energy\": {\"kwh\": 98765.4}}");
            DeviceReading r = await(pv, 123.456); // 123,456 W x 0.001
            assertThat(r.toBusKwh()).isEqualTo(98765.4);
            assertThat(r.socFraction()).isNaN();

            // the gateway goes quiet: the same message again is no news, stale after the limit
            List<Event> events = new ArrayList<>();
            DeviceLink link = new DeviceLink("liao-village", pv, 600, new DeviceLink.Settings(Duration.ofMillis(100),
                    Duration.ofSeconds(5), Duration.ofSeconds(30)), events::add);
            Instant t = Instant.parse("2024-06-01T04:00:00Z");
            for (int s = 0; s <= 5; s++) {
                link.start(t.plusSeconds(s));
                link.finish(t.plusSeconds(s), System.nanoTime() + 100_000_000L);
            }
            assertThat(events).singleElement().satisfies(e -> assertThat(e.detail())
                    .contains("pv-gw (pv) without a good reading for 5 s").contains("no new reading since"));

            // a message that is not JSON is refused with the reason
            publish(port, "village/pv", "not json");
            long u2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pv.read().toCompletableFuture().isCompletedExceptionally() == false && System.nanoTime() < u2) {
                Thread.sleep(20);
            }
            assertThat(pv.read().toCompletableFuture().isCompletedExceptionally()).isTrue();

            // the broker restarts: the subscription is made again and the next message arrives
            broker.kill();
            broker = MqttTelemetryTest.broker(port);
            long u3 = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            DeviceReading again = null;
            while (again == null && System.nanoTime() < u3) {
                publish(port, "village/pv", "{\"ac\": {\"p_w\": 5000}}");
                try {
                    again = await(pv, 5.0, 500);
                } catch (AssertionError e) {
                    // not subscribed again yet
                }
            }
            assertThat(again).isNotNull();
            link.start(t.plusSeconds(6));
            link.finish(t.plusSeconds(6), System.nanoTime() + 100_000_000L);
            assertThat(events.get(events.size() - 1).values()).containsEntry("state", "recovered");
        } finally {
            broker.close();
        }
    }
}
