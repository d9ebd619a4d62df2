package org.gridtwin.adapters.modbus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.ems.device.DeviceException;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.FieldDevice;
import org.gridtwin.model.devices.DeviceBinding.RegisterPoint;

/**
 * A Modbus device that is not SunSpec, read through a register map: each quantity at its address, of its type and
 * word order, {@code value = raw × scale}. A battery's setpoint is written to {@code setpoint_kw} as
 * {@code round(kW / scale)}; a map has no revert time, so the device's own watchdog (if it has one) is the safe
 * state when the controller stops.
 */
public final class RegisterMapDevice implements FieldDevice {
    private final String id;
    private final DeviceRole role;
    private final ModbusConnection connection;
    private final int unit;
    private final Map<String, RegisterPoint> map;
    private final Clock clock;
    private final double ratedKw;

    public RegisterMapDevice(String id, DeviceRole role, ModbusConnection connection, int unit,
            Map<String, RegisterPoint> map, Clock clock) {
        this(id, role, connection, unit, map, Double.NaN, clock);
    }

    /**
     * @param ratedKw the device's rating, kW: what a released {@code limit_kw} is set back to (NaN when unknown)
     */
    public RegisterMapDevice(String id, DeviceRole role, ModbusConnection connection, int unit,
            Map<String, RegisterPoint> map, double ratedKw, Clock clock) {
        this.ratedKw = ratedKw;
        this.id = id;
        this.role = role;
        this.connection = connection;
        this.unit = unit;
        this.map = new LinkedHashMap<>(map);
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeviceRole role() {
        return role;
    }

    /** The value of one point from its registers (pure: for tests and for the reader). */
    public static double decode(RegisterPoint p, int[] regs) {
        long raw;
        if (p.registers() == 1) {
            raw = regs[0] & 0xFFFF;
            if (p.type().equals("int16")) {
                raw = (short) raw;
            }
        } else {
            int hi = p.lowWordFirst() ? regs[1] : regs[0];
            int lo = p.lowWordFirst() ? regs[0] : regs[1];
            long bits = ((long) (hi & 0xFFFF) << 16) | (lo & 0xFFFF);
            if (p.type().equals("float32")) {
                return Float.intBitsToFloat((int) bits) * p.scale();
            }
            raw = p.type().equals("int32") ? (int) bits : bits;
        }
        return raw * p.scale();
    }

    /** The registers that carry {@code value} at a point (the inverse of {@link #decode}). */
    public static int[] encode(RegisterPoint p, double value) {
        double scaled = value / p.scale();
        if (p.registers() == 1) {
            long raw = Math.round(scaled);
            long min = p.type().equals("int16") ? Short.MIN_VALUE : 0;
            long max = p.type().equals("int16") ? Short.MAX_VALUE : 0xFFFF;
            if (raw < min || raw > max) {
                throw new DeviceException(value + " does not fit " + p.type() + " at scale " + p.scale());
            }
            return new int[] {(int) (raw & 0xFFFF)};
        }
        long bits;
        if (p.type().equals("float32")) {
            bits = Float.floatToIntBits((float) scaled) & 0xFFFF_FFFFL;
        } else {
            long raw = Math.round(scaled);
            long min = p.type().equals("int32") ? Integer.MIN_VALUE : 0;
            long max = p.type().equals("int32") ? Integer.MAX_VALUE : 0xFFFF_FFFFL;
            if (raw < min || raw > max) {
                throw new DeviceException(value + " does not fit " + p.type() + " at scale " + p.scale());
            }
            bits = raw & 0xFFFF_FFFFL;
        }
        int hi = (int) (bits >>> 16);
        int lo = (int) (bits & 0xFFFF);
        return p.lowWordFirst() ? new int[] {lo, hi} : new int[] {hi, lo};
    }

    @Override
    public CompletionStage<DeviceReading> read() {
        List<String> names = new ArrayList<>();
        List<CompletableFuture<int[]>> reads = new ArrayList<>();
        for (Map.Entry<String, RegisterPoint> e : map.entrySet()) {
            if (org.gridtwin.model.devices.DeviceBinding.WRITTEN.contains(e.getKey())) {
                continue;
            }
            RegisterPoint p = e.getValue();
            names.add(e.getKey());
            reads.add((p.input() ? connection.readInput(unit, p.address(), p.registers())
                    : connection.readHolding(unit, p.address(), p.registers())).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), decode(map.get(names.get(i)), reads.get(i).join()));
            }
            return new DeviceReading(clock.instant(), values.get("power_kw"), Double.NaN,
                    values.getOrDefault("to_bus_kwh", Double.NaN), values.getOrDefault("from_bus_kwh", Double.NaN),
                    values.getOrDefault("soc_fraction", Double.NaN), Double.NaN, Double.NaN, -1, 0);
        });
    }

    @Override
    public CompletionStage<Void> writeBatteryKw(double kw, int revertSeconds) {
        RegisterPoint p = map.get("setpoint_kw");
        if (role != DeviceRole.BATTERY || p == null) {
            return FieldDevice.super.writeBatteryKw(kw, revertSeconds);
        }
        try {
            return connection.writeHolding(unit, p.address(), encode(p, kw));
        } catch (DeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Writes {@code limit_kw} (kW, clamped to 0 … the rating); a released limit writes the rating, which a device
     * whose limit register is in kW reads as "no limit".
     */
    @Override
    public CompletionStage<Void> writeLimitKw(double kw, int revertSeconds) {
        RegisterPoint p = map.get("limit_kw");
        if ((role != DeviceRole.PV && role != DeviceRole.WIND) || p == null) {
            return FieldDevice.super.writeLimitKw(kw, revertSeconds);
        }
        try {
            return connection.writeHolding(unit, p.address(), encode(p, FieldDevice.limitInKw(id, ratedKw, kw)));
        } catch (DeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
