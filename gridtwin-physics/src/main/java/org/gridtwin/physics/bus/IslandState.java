package org.gridtwin.physics.bus;

/** Whether a site's bus is tied to the public grid, holds an island on its battery, or is dark. */
public enum IslandState {
    /** On the public grid (also while it is available again but the site has not resynchronised). */
    CONNECTED("connected"),
    /** Grid lost; the grid-forming battery holds the island. */
    ISLANDED("islanded"),
    /** Grid lost and no island: no grid-forming battery, or it could not carry the critical load. */
    BLACKOUT("blackout");

    private final String key;

    IslandState(String key) {
        this.key = key;
    }

    /** The name in outputs and the API. */
    public String key() {
        return key;
    }
}
