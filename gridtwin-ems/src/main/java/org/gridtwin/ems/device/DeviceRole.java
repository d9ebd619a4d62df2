package org.gridtwin.ems.device;

/** What a field device is to the site bus. */
public enum DeviceRole {
    /** a PV inverter: power into the bus, energy produced */
    PV("pv"),
    /** a wind turbine's converter or controller: power into the bus, energy produced */
    WIND("wind"),
    /** a battery's PCS with its BMS: discharge into the bus, state of charge, accepts a power setpoint */
    BATTERY("battery"),
    /** the meter at the grid connection: import into the bus, export out of it */
    GRID_METER("grid_meter"),
    /** a meter of the site's loads: consumption out of the bus */
    LOAD_METER("load_meter");

    private final String key;

    DeviceRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The role written as in a devices file ({@code pv}, {@code grid_meter}, ...), or null. */
    public static DeviceRole of(String key) {
        for (DeviceRole r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return null;
    }
}
