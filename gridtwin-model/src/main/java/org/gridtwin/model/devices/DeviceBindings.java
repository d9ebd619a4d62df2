package org.gridtwin.model.devices;

import java.util.List;
import java.util.Map;

/**
 * Which field devices run which sites ({@code serve --devices FILE}, docs/devices.md). A site without bindings
 * runs on twin devices.
 *
 * @param file          where the bindings were read from, for messages
 * @param sites         site id → its devices, in file order
 * @param revertSeconds how long a battery keeps a setpoint without a new one before it returns to 0 kW
 */
public record DeviceBindings(String file, Map<String, List<DeviceBinding>> sites, int revertSeconds) {
    public DeviceBindings {
        sites = Map.copyOf(sites);
    }

    /** The devices of a site; empty when the site runs on twins. */
    public List<DeviceBinding> of(String siteId) {
        return sites.getOrDefault(siteId, List.of());
    }
}
