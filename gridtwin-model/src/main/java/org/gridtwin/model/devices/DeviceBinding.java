package org.gridtwin.model.devices;

import java.time.Duration;
import java.util.Map;

/**
 * One field device of a site.
 *
 * @param id         a plain name, unique in the site
 * @param role       pv, wind, battery, grid_meter or load_meter
 * @param protocol   {@code sunspec} (Modbus TCP, models discovered), {@code modbus} (a plain register map),
 *                   {@code mqtt} (JSON messages on a topic; read-only) or {@code iec104} (points of an IEC
 *                   60870-5-104 controlled station: an RTU or a plant controller)
 * @param staleAfter age of the last good reading after which the device is stale
 * @param ratedKw    the device's rating for the plausibility check, kW; NaN to take the scenario's
 * @param invert     the device counts the other way round (a meter mounted backwards)
 * @param registers  the register map of a {@code modbus} device by quantity; empty for the others
 * @param mqtt       the subscription of an {@code mqtt} device; null for the others
 * @param points     the information objects of an {@code iec104} device by quantity; empty for the others
 * @param gridLostBelowV a grid meter reading a phase voltage below this says the public grid is lost (the meter sits
 *                   on the grid side of the point of common coupling); NaN when the meter does not tell
 */
public record DeviceBinding(String id, String role, String protocol, Endpoint endpoint, Duration staleAfter,
        double ratedKw, boolean invert, Map<String, RegisterPoint> registers, MqttSubscription mqtt,
        Map<String, IoaPoint> points, double gridLostBelowV) {
    public DeviceBinding {
        registers = Map.copyOf(registers);
        points = Map.copyOf(points);
    }

    /**
     * One quantity of an IEC 104 device: the information object address at the device's common address, and
     * {@code value = reported × scale} seen from the site bus (a set-point or limit is sent as {@code kW / scale}).
     */
    public record IoaPoint(int ioa, double scale) {
    }

    /**
     * A device whose measurements arrive as JSON messages on a topic (a gateway publishing them).
     *
     * @param fields quantity → where its number is in the message ({@code /ac/p}, RFC 6901) and its scale
     */
    public record MqttSubscription(String topic, Map<String, JsonField> fields) {
        public MqttSubscription {
            fields = Map.copyOf(fields);
        }
    }

    /** One number of a JSON message: {@code value = number at pointer × scale}. */
    public record JsonField(String pointer, double scale) {
    }

    /** Roles a device may have. */
    public static final java.util.List<String> ROLES = java.util.List.of("pv", "wind", "battery", "grid_meter",
            "load_meter");
    /** Protocols a device may speak. */
    public static final java.util.List<String> PROTOCOLS = java.util.List.of("sunspec", "modbus", "mqtt", "iec104");

    /**
     * Where a device answers.
     *
     * @param unit    the Modbus unit id (0 to 255), or the IEC 104 common address (1 to 65534)
     * @param timeout how long one poll or write may take
     */
    public record Endpoint(String host, int port, int unit, Duration timeout) {
    }

    /**
     * One quantity of a plain register map: {@code value = raw × scale} in the quantity's unit, seen from the site
     * bus (use a negative scale for a device that counts the other way).
     *
     * @param type         int16, uint16, int32, uint32 or float32
     * @param lowWordFirst for 32-bit types: the low word at the lower address
     * @param input        read from the input registers (function 4) instead of the holding registers (3)
     */
    public record RegisterPoint(int address, String type, boolean lowWordFirst, double scale, boolean input) {
        public static final java.util.List<String> TYPES = java.util.List.of("int16", "uint16", "int32", "uint32",
                "float32");

        /** Registers the type occupies. */
        public int registers() {
            return type.endsWith("16") ? 1 : 2;
        }
    }

    /** Quantities a register map may name, with their units in the names. */
    public static final java.util.List<String> QUANTITIES = java.util.List.of("power_kw", "to_bus_kwh",
            "from_bus_kwh", "soc_fraction", "setpoint_kw", "limit_kw");

    /** Quantities GridTwin writes, not reads: a battery's setpoint, a PV or wind plant's power limit. */
    public static final java.util.List<String> WRITTEN = java.util.List.of("setpoint_kw", "limit_kw");
}
