package org.gridtwin.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.gridtwin.adapters.Peer;
import org.gridtwin.ems.Event;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Telemetry on a real broker (Debian's mosquitto), read back by a client that is not GridTwin's code
 * (mosquitto_sub): retained state and Home Assistant discovery, events, and a broker restart.
 */
@Requires(Prerequisite.MOSQUITTO)
class MqttTelemetryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String STATE = "{\"id\":\"chuanshan-port\",\"power\":{\"wind_kw\":6250.0},\"soc_fraction\":0.5}";

    static List<Event> newestFirst(List<Event> events, int n) {
        List<Event> out = new java.util.ArrayList<>(events.subList(events.size() - n, events.size()));
        java.util.Collections.reverse(out);
        return out;
    }

    static Peer broker(int port) throws Exception {
        return Peer.listening(port, "/usr/sbin/mosquitto", "-p", Integer.toString(port));
    }

    /** The first message on {@code topic} (retained ones arrive at once), waiting at most 15 s. */
    static String one(int port, String topic) throws Exception {
        Peer sub = Peer.run("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", topic, "-C", "1",
                "-W", "15");
        assertThat(sub.exitCode()).as("mosquitto_sub %s: %s", topic, sub.lines()).isZero();
        return String.join("\n", sub.lines());
    }

    @Test
    void statesDiscoveryAndEventsReachTheBrokerAndSurviveItsRestart() throws Exception {
        int port = Peer.freePort();
        List<Event> events = new CopyOnWriteArrayList<>();
        AtomicReference<byte[]> state = new AtomicReference<>(STATE.getBytes(StandardCharsets.UTF_8));
        MqttTelemetry.Source source = new MqttTelemetry.Source(
                List.of(new MqttTelemetry.SiteInfo("chuanshan-port", "Chuanshan terminal", true, true, true),
                        new MqttTelemetry.SiteInfo("liao-village", "Li'ao village", false, true, false)),
                () -> Map.of("chuanshan-port", state.get()), () -> events.size(),
                n -> newestFirst(events, n));
        Peer broker = broker(port);
        try (MqttTelemetry mqtt = new MqttTelemetry(URI.create("tcp://127.0.0.1:" + port), "gridtwin",
                Duration.ofMillis(200), source).start()) {
            assertThat(one(port, "gridtwin/chuanshan-port/state")).isEqualTo(STATE);
            assertThat(one(port, "gridtwin/status")).isEqualTo("online");
            JsonNode wind = JSON.readTree(one(port, "homeassistant/sensor/gridtwin_chuanshan-port/wind_power/config"));
            assertThat(wind.get("state_topic").asString()).isEqualTo("gridtwin/chuanshan-port/state");
            assertThat(wind.get("value_template").asString()).isEqualTo("{{ value_json.power.wind_kw }}");
            assertThat(wind.get("unit_of_measurement").asString()).isEqualTo("kW");
            assertThat(wind.get("device_class").asString()).isEqualTo("power");
            assertThat(wind.at("/device/identifiers/0").asString()).isEqualTo("gridtwin_chuanshan-port");
            JsonNode soc = JSON.readTree(one(port, "homeassistant/sensor/gridtwin_chuanshan-port/battery_soc/config"));
            assertThat(soc.get("value_template").asString()).isEqualTo("{{ (value_json.soc_fraction * 100) | round(1) }}");

            // a site without wind or battery announces neither: 13 sensors for the port, 13 - 4 for the village
            Peer all = Peer.run("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t",
                    "homeassistant/#", "-v", "-W", "2");
            assertThat(all.lines().stream().filter(l -> l.contains("gridtwin_chuanshan-port/"))).hasSize(13);
            assertThat(all.lines().stream().filter(l -> l.contains("gridtwin_liao-village/"))).hasSize(9)
                    .noneMatch(l -> l.contains("wind") || l.contains("battery"));

            // an event: subscribe first (events are not retained), then let it happen
            // line-buffered: mosquitto_sub buffers its output when it is not a terminal
            Peer sub = Peer.background("stdbuf", "-oL", "-eL", "mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t",
                    "gridtwin/+/event", "-C", "1", "-W", "15", "-d");
            sub.await("Subscribed"); // -d prints the broker's acknowledgement of the subscription
            events.add(new Event(Instant.parse("2024-06-01T04:00:00Z"), "chuanshan-port", Event.Kind.STALE,
                    "measurements are 4 s old (limit 3 s): battery held at 0 kW", Map.of("age_s", "4", "limit_s", "3")));
            String line = sub.await("{");
            JsonNode ev = JSON.readTree(line);
            assertThat(ev.get("kind").asString()).isEqualTo("stale");
            assertThat(ev.get("severity").asString()).isEqualTo("alarm");
            assertThat(ev.at("/values/age_s").asString()).isEqualTo("4");

            // the broker restarts without persistence: retained messages are gone, GridTwin sends them again
            broker.kill();
            broker = broker(port);
            state.set((STATE.replace("6250.0", "6100.0")).getBytes(StandardCharsets.UTF_8));
            assertThat(one(port, "homeassistant/sensor/gridtwin_chuanshan-port/pv_power/config")).contains("pv_kw");
            assertThat(one(port, "gridtwin/chuanshan-port/state")).contains("6100.0");
            assertThat(mqtt.connected()).isTrue();
        } finally {
            broker.close();
        }
    }
}
