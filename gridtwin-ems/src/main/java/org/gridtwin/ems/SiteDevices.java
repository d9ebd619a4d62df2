package org.gridtwin.ems;

import java.time.Instant;

/**
 * The device port of one site: the live harness reads measurements from it and writes the setpoints (battery power,
 * wind and PV limits) to it. Twin devices ({@link TwinSite}) implement it with the simulation's physics, field
 * devices ({@code FieldSite}) with protocol adapters.
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

    /**
     * Applies the setpoints for the cycle just read: the battery power (kW, positive = discharge) and the wind and PV
     * limits (kW, infinity for none). The port may keep the object only for the duration of the call.
     */
    void write(org.gridtwin.dispatch.Setpoints applied);

    /** The flows of the last written cycle. */
    Flows flows();

    /**
     * Flows of one cycle after the site's limits, kW: positive = into the site bus (discharge, import).
     */
    record Flows(double windKw, double pvKw, double loadKw, double batteryKw, double gridKw, double unmetKw,
            double curtailedKw, double socFraction) {
    }
}
