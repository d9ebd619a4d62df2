package org.gridtwin.ems.device;

import java.util.concurrent.CompletionStage;

/**
 * One field asset behind a protocol adapter (Modbus TCP with SunSpec, a plain register map, ...). Reads and writes
 * are asynchronous so that a site's devices are polled at once and a slow one costs its own timeout, not the sum
 * of all; the caller ({@link DeviceLink}) bounds each by the device's timeout. A failed stage carries a
 * {@link DeviceException} with the reason.
 */
public interface FieldDevice extends AutoCloseable {
    String id();

    DeviceRole role();

    /** Reads the device's measurements now. */
    CompletionStage<DeviceReading> read();

    /**
     * Writes a battery power setpoint (kW, positive = discharge into the bus) that the device keeps for
     * {@code revertSeconds} at most and then gives up for its own safe state (0 kW), so a controller that dies
     * leaves no battery running. Only batteries accept it.
     */
    default CompletionStage<Void> writeBatteryKw(double kw, int revertSeconds) {
        return java.util.concurrent.CompletableFuture.failedFuture(new DeviceException(id() + " (" + role().key()
                + ") takes no battery setpoint"));
    }

    /**
     * Writes an active-power limit (kW; positive infinity releases it) that the device keeps for
     * {@code revertSeconds} at most and then drops, as its own controls define. Only PV inverters and wind turbine
     * controllers accept it.
     */
    default CompletionStage<Void> writeLimitKw(double kw, int revertSeconds) {
        return java.util.concurrent.CompletableFuture.failedFuture(new DeviceException(id() + " (" + role().key()
                + ") takes no power limit"));
    }

    /**
     * What a device whose limit is a plain kW value is sent: {@code kw} clamped to 0 … the rating, and the rating
     * itself for a released limit (infinity), which such a device reads as "no limit".
     *
     * @throws DeviceException when the rating is unknown, so a limit could not be released
     */
    static double limitInKw(String id, double ratedKw, double kw) {
        if (!(ratedKw > 0)) {
            throw new DeviceException(id + ": limit_kw needs the device's rating (rated_kw) to release a limit");
        }
        return Math.max(0, Math.min(ratedKw, kw));
    }

    /** Drops the connection; the next read connects again. */
    @Override
    void close();
}
