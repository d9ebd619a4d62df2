package org.gridtwin.adapters.iec104;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.ems.device.DeviceException;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.FieldDevice;
import org.gridtwin.model.devices.DeviceBinding.IoaPoint;

/**
 * A field asset behind an IEC 104 controlled station (a substation RTU, a plant or PCS controller): its
 * quantities are information objects at one common address, kept up to date by the {@link Iec104Client}
 * (interrogation, spontaneous and periodic transmission), read here as {@code value × scale}.
 *
 * <p>A reading is as new as the last frame heard from the station: the station sends nothing while its values stand
 * still, so a poll that finds the link quiet for more than half a second sends a test frame and reads once it is
 * answered. A point that never arrived, or arrived invalid, blocked, substituted or not topical, reads as NaN (bad
 * data, never given to the strategy). The battery's set-point and a plant's power limit go out as float set-point
 * commands (C_SE_NC_1) with select before operate; IEC 104 has no revert time, so the station's own watchdog is the
 * safe state when GridTwin stops (docs/devices.md).
 */
public final class Iec104FieldDevice implements FieldDevice {
    /** A link quiet for longer than this is tested before a read: the RTU proves it is alive. */
    static final Duration QUIET = Duration.ofMillis(500);

    private final String id;
    private final DeviceRole role;
    private final Iec104Client client;
    private final int commonAddress;
    private final Map<String, IoaPoint> points;
    private final double ratedKw;

    /**
     * @param ratedKw what a released limit is set back to, kW (NaN when unknown)
     */
    public Iec104FieldDevice(String id, DeviceRole role, Iec104Client client, int commonAddress,
            Map<String, IoaPoint> points, double ratedKw) {
        if (!points.containsKey("power_kw")) {
            throw new IllegalArgumentException(id + ": an IEC 104 device needs power_kw");
        }
        this.id = id;
        this.role = role;
        this.client = client;
        this.commonAddress = commonAddress;
        this.points = Map.copyOf(points);
        this.ratedKw = ratedKw;
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
        return client.connect().thenCompose(v -> client.heard(QUIET)).thenApply(this::reading);
    }

    private DeviceReading reading(Instant heard) {
        return new DeviceReading(heard, value("power_kw"), Double.NaN, value("to_bus_kwh"), value("from_bus_kwh"),
                value("soc_fraction"), Double.NaN, Double.NaN, -1, 0);
    }

    private double value(String quantity) {
        IoaPoint p = points.get(quantity);
        if (p == null) {
            return Double.NaN;
        }
        Iec104Client.Point v = client.point(commonAddress, p.ioa());
        return v == null || !v.good() ? Double.NaN : v.value() * p.scale();
    }

    @Override
    public CompletionStage<Void> writeBatteryKw(double kw, int revertSeconds) {
        IoaPoint p = points.get("setpoint_kw");
        if (role != DeviceRole.BATTERY || p == null) {
            return FieldDevice.super.writeBatteryKw(kw, revertSeconds);
        }
        return client.setpoint(commonAddress, p.ioa(), (float) (kw / p.scale()));
    }

    /** Sends {@code limit_kw} (kW, clamped to 0 … the rating); a released limit sends the rating. */
    @Override
    public CompletionStage<Void> writeLimitKw(double kw, int revertSeconds) {
        IoaPoint p = points.get("limit_kw");
        if ((role != DeviceRole.PV && role != DeviceRole.WIND) || p == null) {
            return FieldDevice.super.writeLimitKw(kw, revertSeconds);
        }
        try {
            return client.setpoint(commonAddress, p.ioa(), (float) (FieldDevice.limitInKw(id, ratedKw, kw)
                    / p.scale()));
        } catch (DeviceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Drops the station's connection (shared by its devices); the next read connects again. */
    @Override
    public void close() {
        client.close();
    }
}
