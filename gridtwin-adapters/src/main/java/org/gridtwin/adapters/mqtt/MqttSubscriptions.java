package org.gridtwin.adapters.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection to a broker for the devices that read from it: each topic's messages go to its device. The
 * subscriptions are made again on every (re)connection, since a clean session forgets them.
 */
public final class MqttSubscriptions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriptions.class);
    private final Mqtt5AsyncClient client;
    private final Map<String, Consumer<byte[]>> topics = new ConcurrentHashMap<>();
    private final String endpoint;

    public MqttSubscriptions(String host, int port) {
        this.endpoint = host + ":" + port;
        this.client = MqttClient.builder().useMqttVersion5()
                .identifier("gridtwin-devices-" + Long.toHexString(System.nanoTime()))
                .serverHost(host).serverPort(port)
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(c -> topics.forEach(this::subscribe))
                .buildAsync();
        client.connectWith().cleanStart(true).send().whenComplete((ack, e) -> {
            if (e != null) {
                LOG.warn("MQTT broker {} not reached yet ({}); retrying", endpoint, e.getMessage());
            }
        });
    }

    public String endpoint() {
        return endpoint;
    }

    /** Delivers every message on {@code topic} to {@code receiver} (on the client's thread). */
    public void add(String topic, Consumer<byte[]> receiver) {
        topics.put(topic, receiver);
        if (client.getState().isConnected()) {
            subscribe(topic, receiver);
        }
    }

    private void subscribe(String topic, Consumer<byte[]> receiver) {
        client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_MOST_ONCE)
                .callback(p -> receiver.accept(p.getPayloadAsBytes())).send()
                .whenComplete((ack, e) -> {
                    if (e != null) {
                        LOG.warn("MQTT subscription to {} on {} failed: {}", topic, endpoint, e.getMessage());
                    }
                });
    }

    public boolean connected() {
        return client.getState().isConnected();
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
