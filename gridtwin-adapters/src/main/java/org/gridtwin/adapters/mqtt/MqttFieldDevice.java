package org.gridtwin.adapters.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.ems.device.DeviceException;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.FieldDevice;
import org.gridtwin.model.devices.DeviceBinding;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A device whose measurements arrive as JSON messages on a topic (a gateway, a meter with its own MQTT): each
 * message is decoded when it arrives, {@code value = number at the field's pointer × scale}; a read answers the
 * latest message with the time it arrived, so a gateway that goes quiet makes the device stale after its limit
 * ({@link org.gridtwin.ems.device.DeviceLink} treats a reading it has seen as no news). Read-only: no battery.
 */
public final class MqttFieldDevice implements FieldDevice {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String id;
    private final DeviceRole role;
    private final String topic;
    private final Map<String, DeviceBinding.JsonField> fields;
    private final Clock clock;
    private volatile DeviceReading latest;
    private volatile String problem;

    public MqttFieldDevice(String id, DeviceRole role, MqttSubscriptions broker,
            DeviceBinding.MqttSubscription subscription, Clock clock) {
        this.id = id;
        this.role = role;
        this.topic = subscription.topic();
        this.fields = subscription.fields();
        this.clock = clock;
        broker.add(topic, this::receive);
    }

    /** Decodes one message (on the MQTT client's thread); a message that cannot be read is kept as the problem. */
    void receive(byte[] payload) {
        Instant now = clock.instant();
        try {
            JsonNode n = JSON.readTree(payload);
            latest = new DeviceReading(now, value(n, "power_kw"), Double.NaN, value(n, "to_bus_kwh"),
                    value(n, "from_bus_kwh"), value(n, "soc_fraction"), Double.NaN, Double.NaN, -1, 0);
            problem = null;
        } catch (RuntimeException e) {
            problem = "a message on " + topic + " is not JSON: " + e.getMessage();
        }
    }

    private double value(JsonNode message, String quantity) {
        DeviceBinding.JsonField f = fields.get(quantity);
        if (f == null) {
            return Double.NaN;
        }
        JsonNode v = message.at(JsonPointer.compile(f.pointer()));
        // a missing or non-numeric value is NaN: the link refuses the reading as bad data
        return v.isNumber() ? v.asDouble() * f.scale() : Double.NaN;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeviceRole role() {
        return role;
    }

    @Override
    public CompletionStage<DeviceReading> read() {
        String p = problem;
        if (p != null) {
            return CompletableFuture.failedFuture(new DeviceException(p));
        }
        DeviceReading r = latest;
        return r == null ? CompletableFuture.failedFuture(new DeviceException("no message on " + topic + " yet"))
                : CompletableFuture.completedFuture(r);
    }

    @Override
    public void close() {
        // the subscription stays: messages keep arriving, and the connection belongs to every device on it
    }
}
