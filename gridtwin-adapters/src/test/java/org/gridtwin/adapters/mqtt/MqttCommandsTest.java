package org.gridtwin.adapters.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gridtwin.adapters.Peer;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.ems.ExportGuard;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.SafetyLayer;
import org.gridtwin.ems.TwinSite;
import org.gridtwin.model.Site;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Commands published by mosquitto_pub (not GridTwin's code) on a real mosquitto reach the port's live twin through
 * its manual control and the safety layer; the outcome comes back on the result topic, read by mosquitto_sub.
 */
@Requires(Prerequisite.MOSQUITTO)
class MqttCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCommandIsCarriedOutClippedAndAnswered() throws Exception {
        Site port = org.gridtwin.model.BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port")
                .orElseThrow();
        java.time.LocalDate day = java.time.LocalDate.of(2024, 6, 1);
        SiteInputs in = org.gridtwin.sim.SiteInputsBuilder.build(port, org.gridtwin.physics.time.TimeGrid.ofDates(day,
                day.plusDays(1), java.time.Duration.ofMinutes(1), port.timeZone()), 7);
        TwinSite twin = new TwinSite(port, in.grid(), in.windKw(), in.pvKw(), in.loadKw(), in.tariff(),
                in.emissionTPerMwh());
        LiveSite live = new LiveSite(port, Strategies.create("self-consumption", port.dispatch()), twin,
                new SafetyLayer(port.id(), Double.POSITIVE_INFINITY, 3600, ExportGuard.of(port), e -> { }), e -> { });
        Instant noon = in.grid().start().plusSeconds(12 * 3600);
        live.cycle(noon, 60);
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        int mqttPort = Peer.freePort();
        try (Peer broker = MqttTelemetryTest.broker(mqttPort);
                MqttCommands commands = new MqttCommands(URI.create("tcp://127.0.0.1:" + mqttPort), "gridtwin",
                        id -> id.equals(port.id()) ? Optional.of(live) : Optional.empty())
                        .onHandled((topic, text, outcome) -> handled.add(topic + " " + outcome.accepted()))
                        .start()) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!commands.subscribed() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(commands.subscribed()).isTrue();
            JsonNode r = send(mqttPort, port.id(), "{\"type\": \"battery_setpoint\", \"kw\": -1500, \"minutes\": 30}");
            assertThat(r.get("accepted").asBoolean()).isTrue();
            // 30 minutes from the next 1-minute cycle (12:01): until 12:31 site time
            assertThat(r.get("until").asString()).isEqualTo(noon.plusSeconds(60 + 1800).toString());
            assertThat(r.get("detail").asString()).contains("the safety layer holds it to the 1000 kW charge rating");
            live.cycle(noon.plusSeconds(60), 60);
            assertThat(twin.flows().batteryKw()).isCloseTo(-1000, within(1e-9));

            JsonNode bad = send(mqttPort, port.id(), "{\"type\": \"explode\"}");
            assertThat(bad.get("accepted").asBoolean()).isFalse();
            assertThat(bad.get("detail").asString()).isEqualTo("type must be battery_setpoint, renewables_limit, "
                    + "release, mode, strategy or grid_outage, not 'explode'");
            // a drill takes the grid away: administrators through the API only, never whoever may publish
            JsonNode drill = send(mqttPort, port.id(), "{\"type\": \"grid_outage\", \"state\": \"down\"}");
            assertThat(drill.get("accepted").asBoolean()).isFalse();
            assertThat(drill.get("detail").asString()).contains("through the API only, not over MQTT");
            assertThat(send(mqttPort, "nowhere", "{\"type\": \"release\"}").get("detail").asString())
                    .isEqualTo("no site nowhere");
            assertThat(send(mqttPort, port.id(), "{oops").get("detail").asString()).startsWith("not a JSON object");
            JsonNode release = send(mqttPort, port.id(), "{\"type\": \"release\"}");
            assertThat(release.get("accepted").asBoolean()).isTrue();
            assertThat(live.manual().battery()).isNull();
            // every command is told to the recorder (serve writes them to the audit trail)
            assertThat(handled).containsExactly("gridtwin/chuanshan-port/command true",
                    "gridtwin/chuanshan-port/command false", "gridtwin/chuanshan-port/command false",
                    "gridtwin/nowhere/command false",
                    "gridtwin/chuanshan-port/command false", "gridtwin/chuanshan-port/command true");
        } finally {
            if (results != null) {
                results.close();
            }
        }
    }

    private Peer results;

    /** Publishes a command and returns the result published for it (read by one mosquitto_sub for the test). */
    JsonNode send(int port, String site, String command) throws Exception {
        if (results == null) {
            results = Peer.background("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t",
                    "gridtwin/+/command/result");
            // the subscription is in place once a probe published after it comes through
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (results.lines().isEmpty() && System.nanoTime() < until) {
                MqttFieldDeviceTest.publish(port, "gridtwin/probe/command/result", "{\"probe\": true}");
                Thread.sleep(100);
            }
            assertThat(results.lines()).as("mosquitto_sub subscribed").isNotEmpty();
        }
        int before = results.lines().size();
        MqttFieldDeviceTest.publish(port, "gridtwin/" + site + "/command", command);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            for (String line : results.lines().subList(before, results.lines().size())) {
                if (!line.contains("\"probe\"")) {
                    return JSON.readTree(line);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no result for " + command);
    }
}
