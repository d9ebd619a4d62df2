package org.gridtwin.ems;

import java.time.Instant;
import org.gridtwin.physics.bus.IslandState;
import org.gridtwin.physics.bus.SiteBus;

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

    /** Whether the last written cycle ran on the grid, as an island or dark, and what it shed. */
    default IslandStatus island() {
        return IslandStatus.CONNECTED;
    }

    /**
     * An islanding drill: takes the public grid away ({@code true}) or gives it back. Only devices that can pretend
     * (twins) do; field devices answer {@code false}, since nobody opens a real breaker from a web page.
     */
    default boolean simulateGridOutage(boolean down) {
        return false;
    }

    /**
     * The island side of a cycle.
     *
     * @param state            on the grid, islanded or dark
     * @param shedLevel        {@link SiteBus#SHED_NONE} .. {@link SiteBus#SHED_ALL}
     * @param unmetCriticalKw  critical demand not served, kW (likewise priority and sheddable)
     * @param transitions      what changed this cycle ({@link SiteBus#ISLANDED_NOW} … bits)
     */
    record IslandStatus(IslandState state, int shedLevel, double unmetCriticalKw, double unmetPriorityKw,
            double unmetSheddableKw, int transitions) {
        public static final IslandStatus CONNECTED = new IslandStatus(IslandState.CONNECTED, SiteBus.SHED_NONE, 0, 0,
                0, 0);
    }

    /**
     * Flows of one cycle after the site's limits, kW: positive = into the site bus (discharge, import).
     */
    record Flows(double windKw, double pvKw, double loadKw, double batteryKw, double gridKw, double unmetKw,
            double curtailedKw, double socFraction) {
    }
}
