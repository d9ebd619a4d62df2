package org.gridtwin.ems.device;

import java.util.Optional;
import java.util.function.Consumer;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.SiteDevices;
import org.gridtwin.model.Site;

/** Where a live site's devices come from: field devices when a site is bound to them, else twins. */
@FunctionalInterface
public interface DeviceSource {
    /** The site's field devices, or empty to run it on twin devices. */
    Optional<SiteDevices> forSite(Site site, Consumer<Event> events);

    /** What an operator must know about the field devices now (stale devices, with the reason); empty when fine. */
    default java.util.List<String> problems() {
        return java.util.List.of();
    }

    /** Every site on twins. */
    static DeviceSource twins() {
        return (site, events) -> Optional.empty();
    }
}
