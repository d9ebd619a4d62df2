package org.gridtwin.adapters.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.gridtwin.ems.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every site's telemetry and events on an MQTT broker (HiveMQ MQTT client, MQTT 5), with Home Assistant's MQTT
 * discovery so a site appears there without hand configuration. Topics (prefix {@code gridtwin} by default):
 *
 * <ul>
 * <li>{@code PREFIX/status}: {@code online} / {@code offline}, retained; {@code offline} is the will, so a server
 * that dies is seen as gone.
 * <li>{@code PREFIX/SITE/state}: the site's live state as JSON (the same document as {@code /api/sites/SITE/live}),
 * retained, QoS 0, at most once per interval and only when it changed.
 * <li>{@code PREFIX/SITE/event}: each event as JSON ({@code time}, {@code site}, {@code kind}, {@code severity},
 * {@code detail}, {@code values}), QoS 1, not retained.
 * <li>{@code homeassistant/sensor/gridtwin_SITE/OBJECT/config}: discovery of each sensor, retained, sent again on
 * every (re)connection, since a broker without persistence forgets retained messages when it restarts.
 * </ul>
 *
 * Publishing never blocks the control loop: it reads the latest snapshot on a thread of its own; while the broker
 * is away the client reconnects by itself and states are skipped (counted), not queued.
 */
public final class MqttTelemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTelemetry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A site as discovery names it, and which assets it has (sensors of absent ones are not announced). */
    public record SiteInfo(String id, String name, boolean wind, boolean pv, boolean battery) {
        boolean shows(Sensor s) {
            return !(s.object().startsWith("wind") && !wind || s.object().startsWith("pv") && !pv
                    || s.object().startsWith("battery") && !battery);
        }
    }

    /**
     * What to publish.
     *
     * @param states       site id → its live JSON now (a new array when it changed)
     * @param eventCount   events seen so far
     * @param latestEvents the newest {@code n} events, newest first
     */
    public record Source(List<SiteInfo> sites, Supplier<Map<String, byte[]>> states, LongSupplier eventCount,
            IntFunction<List<Event>> latestEvents) {
    }

    /** One sensor of a site in Home Assistant. */
    record Sensor(String object, String name, String template, String unit, String deviceClass, String stateClass) {
    }

    static final List<Sensor> SENSORS = List.of(
            new Sensor("wind_power", "Wind power", "{{ value_json.power.wind_kw }}", "kW", "power", "measurement"),
            new Sensor("pv_power", "PV power", "{{ value_json.power.pv_kw }}", "kW", "power", "measurement"),
            new Sensor("load_power", "Load", "{{ value_json.power.load_kw }}", "kW", "power", "measurement"),
            new Sensor("battery_power", "Battery power (discharge +)", "{{ value_json.power.battery_kw }}", "kW",
                    "power", "measurement"),
            new Sensor("grid_power", "Grid power (import +)", "{{ value_json.power.grid_kw }}", "kW", "power",
                    "measurement"),
            new Sensor("battery_soc", "Battery state of charge",
                    "{{ (value_json.soc_fraction * 100) | round(1) }}", "%", "battery", "measurement"),
            new Sensor("wind_energy", "Wind energy", "{{ value_json.counters.wind_kwh }}", "kWh", "energy",
                    "total_increasing"),
            new Sensor("pv_energy", "PV energy", "{{ value_json.counters.pv_kwh }}", "kWh", "energy",
                    "total_increasing"),
            new Sensor("load_energy", "Load energy", "{{ value_json.counters.load_kwh }}", "kWh", "energy",
                    "total_increasing"),
            new Sensor("import_energy", "Grid import", "{{ value_json.counters.import_kwh }}", "kWh", "energy",
                    "total_increasing"),
            new Sensor("export_energy", "Grid export", "{{ value_json.counters.export_kwh }}", "kWh", "energy",
                    "total_increasing"),
            new Sensor("co2_avoided", "CO2 avoided", "{{ value_json.counters.co2_avoided_t }}", "t", "weight",
                    "total_increasing"),
            new Sensor("price", "Import price", "{{ value_json.price_yuan_per_kwh }}", "CNY/kWh", null,
                    "measurement"));

    private final String prefix;
    private final Duration interval;
    private final Source source;
    private final Mqtt5AsyncClient client;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gridtwin-mqtt");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, byte[]> lastSent = new HashMap<>();
    private long eventsSeen;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    /**
     * @param broker   {@code tcp://host:port} (port 1883 when absent)
     * @param prefix   the topic prefix
     * @param interval how often states are published at most
     */
    public MqttTelemetry(URI broker, String prefix, Duration interval, Source source) {
        if (!"tcp".equals(broker.getScheme()) || broker.getHost() == null) {
            throw new IllegalArgumentException("an MQTT broker is tcp://host:port, not " + broker);
        }
        this.prefix = prefix;
        this.interval = interval;
        this.source = source;
        this.eventsSeen = source.eventCount().getAsLong();
        this.client = MqttClient.builder().useMqttVersion5()
                .identifier("gridtwin-" + Long.toHexString(System.nanoTime()))
                .serverHost(broker.getHost()).serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(c -> ticker.execute(this::announce))
                .willPublish().topic(prefix + "/status").payload(bytes("offline")).retain(true)
                .qos(MqttQos.AT_LEAST_ONCE).applyWillPublish()
                .buildAsync();
    }

    /** Connects (the first connection may fail; the client keeps trying) and starts publishing. */
    public MqttTelemetry start() {
        client.connectWith().cleanStart(true).send().whenComplete((ack, e) -> {
            if (e != null) {
                LOG.warn("MQTT broker not reached yet ({}); retrying", e.getMessage());
            }
        });
        ticker.scheduleAtFixedRate(this::tick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Status and discovery, on every (re)connection; the states are sent again too. */
    private void announce() {
        publish(prefix + "/status", bytes("online"), true, MqttQos.AT_LEAST_ONCE);
        for (SiteInfo s : source.sites()) {
            for (Sensor sensor : SENSORS) {
                if (!s.shows(sensor)) {
                    continue;
                }
                publish(discoveryTopic(s, sensor), discovery(s, sensor), true, MqttQos.AT_LEAST_ONCE);
            }
        }
        lastSent.clear();
        tick();
    }

    String discoveryTopic(SiteInfo s, Sensor sensor) {
        return "homeassistant/sensor/gridtwin_" + node(s.id()) + "/" + sensor.object() + "/config";
    }

    /** Home Assistant allows letters, digits, '_' and '-' in node and object ids. */
    static String node(String siteId) {
        return siteId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    byte[] discovery(SiteInfo s, Sensor sensor) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", sensor.name());
        n.put("unique_id", "gridtwin_" + node(s.id()) + "_" + sensor.object());
        n.put("object_id", "gridtwin_" + node(s.id()) + "_" + sensor.object());
        n.put("state_topic", prefix + "/" + s.id() + "/state");
        n.put("value_template", sensor.template());
        n.put("unit_of_measurement", sensor.unit());
        if (sensor.deviceClass() != null) {
            n.put("device_class", sensor.deviceClass());
        }
        n.put("state_class", sensor.stateClass());
        n.put("availability_topic", prefix + "/status");
        ObjectNode d = n.putObject("device");
        d.putArray("identifiers").add("gridtwin_" + node(s.id()));
        d.put("name", s.name());
        d.put("manufacturer", "GridTwin");
        d.put("model", "site " + s.id());
        return JSON.writeValueAsBytes(n);
    }

    private void tick() {
        try {
            if (!client.getState().isConnected()) {
                skipped.incrementAndGet();
                return;
            }
            for (Map.Entry<String, byte[]> e : source.states().get().entrySet()) {
                if (e.getValue() != null && e.getValue() != lastSent.get(e.getKey())) {
                    publish(prefix + "/" + e.getKey() + "/state", e.getValue(), true, MqttQos.AT_MOST_ONCE);
                    lastSent.put(e.getKey(), e.getValue());
                }
            }
            long total = source.eventCount().getAsLong();
            int fresh = (int) Math.min(100, total - eventsSeen);
            if (fresh > 0) {
                List<Event> newest = source.latestEvents().apply(fresh);
                for (int i = newest.size() - 1; i >= 0; i--) {
                    Event ev = newest.get(i);
                    publish(prefix + "/" + ev.siteId() + "/event", event(ev), false, MqttQos.AT_LEAST_ONCE);
                }
            }
            eventsSeen = total;
        } catch (RuntimeException e) {
            LOG.warn("MQTT publishing failed: {}", e.toString()); // the next tick tries again
        }
    }

    static byte[] event(Event e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", e.time().toString());
        n.put("site", e.siteId());
        n.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        n.put("severity", e.severity().name().toLowerCase(java.util.Locale.ROOT));
        n.put("detail", e.detail());
        ObjectNode v = n.putObject("values");
        new java.util.TreeMap<>(e.values()).forEach(v::put);
        return JSON.writeValueAsBytes(n);
    }

    private void publish(String topic, byte[] payload, boolean retain, MqttQos qos) {
        client.publishWith().topic(topic).payload(payload).retain(retain).qos(qos).send()
                .whenComplete((r, e) -> {
                    if (e == null) {
                        published.incrementAndGet();
                    }
                });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Messages the broker accepted. */
    public long published() {
        return published.get();
    }

    /** Publishing ticks skipped while the broker was away. */
    public long skipped() {
        return skipped.get();
    }

    public boolean connected() {
        return client.getState().isConnected();
    }

    /** Says {@code offline} and disconnects. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            if (client.getState().isConnected()) {
                client.publishWith().topic(prefix + "/status").payload(bytes("offline")).retain(true)
                        .qos(MqttQos.AT_LEAST_ONCE).send().get(2, TimeUnit.SECONDS);
                client.disconnect().get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("MQTT disconnect: {}", e.toString());
        }
    }
}
