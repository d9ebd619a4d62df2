package org.gridtwin.adapters.sunspec;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gridtwin.ems.device.DeviceRole;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A site's twin devices as an MQTT gateway would publish them: after each tick one JSON message per device on
 * {@code PREFIX/SITE/ROLE} (QoS 0, not retained), seen from the site bus like every reading —
 * {@code {"time", "power_kw", "to_bus_kwh", "from_bus_kwh"}} and, for the battery, {@code "soc_fraction"}. A devices
 * file binds them as {@code protocol: mqtt} devices with pointers {@code /power_kw}, {@code /to_bus_kwh} and so on.
 */
final class TwinMqttGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SunSpecTwin twin;
    private final String prefix;
    private final Mqtt5AsyncClient client;

    TwinMqttGateway(SunSpecTwin twin, URI broker, String prefix) {
        this.twin = twin;
        this.prefix = prefix;
        this.client = MqttClient.builder().useMqttVersion5()
                .identifier("gridtwin-twins-" + Long.toHexString(System.nanoTime()))
                .serverHost(broker.getHost()).serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect().buildAsync();
        client.connectWith().cleanStart(true).send();
    }

    /** Publishes every device's reading now; skipped while the broker is away. */
    void publish() {
        if (!client.getState().isConnected()) {
            return;
        }
        SunSpecTwin.Present p = twin.present();
        Map<String, Double> e = twin.energiesKwh();
        String site = twin.site().id();
        for (DeviceRole role : twin.roles().values()) {
            ObjectNode m = JSON.createObjectNode();
            m.put("time", p.time() == null ? null : p.time().toString());
            switch (role) {
                case PV -> reading(m, p.pvKw(), e.get("pv"), 0);
                case WIND -> reading(m, p.windKw(), e.get("wind"), 0);
                case BATTERY -> {
                    reading(m, p.batteryKw(), e.get("discharge"), e.get("charge"));
                    m.put("soc_fraction", p.socFraction());
                }
                case GRID_METER -> reading(m, p.gridKw(), e.get("import"), e.get("export"));
                case LOAD_METER -> reading(m, -p.loadKw(), 0, e.get("load"));
                default -> { }
            }
            client.publishWith().topic(prefix + "/" + site + "/" + role.key()).qos(MqttQos.AT_MOST_ONCE)
                    .payload(JSON.writeValueAsBytes(m)).send();
        }
    }

    private static void reading(ObjectNode m, double powerKw, double toBusKwh, double fromBusKwh) {
        m.put("power_kw", powerKw);
        m.put("to_bus_kwh", toBusKwh);
        m.put("from_bus_kwh", fromBusKwh);
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
