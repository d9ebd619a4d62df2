package org.gridtwin.adapters.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.OperatorCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Operator commands on MQTT, for deployments that enable them ({@code serve --mqtt-commands}): a JSON command on
 * {@code PREFIX/SITE/command} is carried out as an {@link OperatorCommand} (through the site's manual control and
 * then the safety layer, like any setpoint), and its outcome published on {@code PREFIX/SITE/command/result}
 * (QoS 1, not retained). Who may publish on the command topics is the broker's to decide (its users and ACLs):
 * GridTwin trusts every message that arrives there.
 *
 * <pre>
 * {"type": "battery_setpoint", "kw": -500, "minutes": 30}
 * {"type": "renewables_limit", "pv_kw": 200, "wind_kw": 3000, "minutes": 60}   (a missing limit is none)
 * {"type": "release"}
 * </pre>
 */
public final class MqttCommands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttCommands.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String prefix;
    private final Function<String, Optional<LiveSite>> sites;
    private final Mqtt5AsyncClient client;
    private volatile boolean subscribed;
    private volatile Handled handled = (topic, command, outcome) -> { };

    /** Told of every command handled: its topic, its text, its outcome (for the audit trail). */
    @FunctionalInterface
    public interface Handled {
        void handled(String topic, String command, OperatorCommand.Outcome outcome);
    }

    public MqttCommands(URI broker, String prefix, Function<String, Optional<LiveSite>> sites) {
        this.prefix = prefix;
        this.sites = sites;
        this.client = MqttClient.builder().useMqttVersion5()
                .identifier("gridtwin-commands-" + Long.toHexString(System.nanoTime()))
                .serverHost(broker.getHost()).serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(c -> subscribe())
                .buildAsync();
    }

    /** Sets who is told of each command handled. */
    public MqttCommands onHandled(Handled h) {
        this.handled = h;
        return this;
    }

    /** Connects (retrying until the broker is there); subscribes on every connection. */
    public MqttCommands start() {
        client.connectWith().cleanStart(true).send().whenComplete((ack, e) -> {
            if (e != null) {
                LOG.warn("MQTT broker for commands not reached yet ({}); retrying", e.getMessage());
            }
        });
        return this;
    }

    private void subscribe() {
        client.subscribeWith().topicFilter(prefix + "/+/command").qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::received).send().whenComplete((ack, e) -> {
                    if (e != null) {
                        LOG.warn("MQTT command subscription failed: {}", e.getMessage());
                    }
                    subscribed = e == null;
                });
    }

    private void received(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        String siteId = topic.substring(prefix.length() + 1, topic.length() - "/command".length());
        String text = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
        OperatorCommand.Outcome outcome = handle(siteId, text);
        LOG.info("MQTT command for {}: {} -> {}", siteId, text, outcome.detail());
        try {
            handled.handled(topic, text, outcome);
        } catch (RuntimeException e) {
            LOG.error("MQTT command for {} not recorded: {}", siteId, e.toString());
        }
        ObjectNode r = JSON.createObjectNode();
        r.put("site", siteId);
        r.put("command", text);
        r.put("accepted", outcome.accepted());
        r.put("detail", outcome.detail());
        r.put("until", outcome.until() == null ? null : outcome.until().toString());
        client.publishWith().topic(prefix + "/" + siteId + "/command/result").qos(MqttQos.AT_LEAST_ONCE)
                .payload(JSON.writeValueAsBytes(r)).send();
    }

    /** Parses and carries out one command; every refusal names what was wrong. */
    OperatorCommand.Outcome handle(String siteId, String text) {
        Optional<LiveSite> site = sites.apply(siteId);
        if (site.isEmpty()) {
            return OperatorCommand.Outcome.refused("no site " + siteId);
        }
        java.util.Map<String, Object> fields;
        try {
            fields = JSON.readValue(text, new tools.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
            });
        } catch (JacksonException e) {
            return OperatorCommand.Outcome.refused("not a JSON object: " + e.getOriginalMessage());
        }
        OperatorCommand c;
        try {
            c = OperatorCommand.of(fields);
        } catch (IllegalArgumentException e) {
            return OperatorCommand.Outcome.refused(e.getMessage());
        }
        if (c instanceof OperatorCommand.GridDrill) {
            // a broker's ACL names who may publish, not who is an administrator
            return OperatorCommand.Outcome.refused("grid_outage drills are taken from administrators through the API "
                    + "only, not over MQTT");
        }
        return OperatorCommand.execute(site.get(), c, "mqtt");
    }

    /** Whether the command topics are subscribed on a live connection. */
    public boolean subscribed() {
        return subscribed && client.getState().isConnected();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
