package org.gridtwin.ems;

import java.time.Instant;

/**
 * The device port of one site: the live harness reads measurements from it and writes the battery setpoint to it.
 * Twin devices ({@link TwinSite}) implement it with the simulation's physics; field devices (Modbus, IEC 61850)
 * will implement the same port.
 */
public interface SiteDevices {
    /**
     * Starts what the read at {@code now} will need: field devices send their polls here, so that a loop over many
     * sites polls all of them at once and then collects. Twins need nothing.
     */
    default void request(Instant now) {
    }

    /** Fills {@code into} with the measurements for a cycle starting at {@code now} and lasting {@code hours}. */
    void read(Instant now, double hours, Measurements into);

    /** Applies the battery setpoint (kW, positive = discharge) for the cycle just read. */
    void write(double batteryKw);

    /** The flows of the last written cycle. */
    Flows flows();

    /**
     * Flows of one cycle after the site's limits, kW: positive = into the site bus (discharge, import).
     */
    record Flows(double windKw, double pvKw, double loadKw, double batteryKw, double gridKw, double unmetKw,
            double curtailedKw, double socFraction) {
    }
}
