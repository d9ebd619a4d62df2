package org.gridtwin.ems;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gridtwin.model.Site;
import org.gridtwin.physics.bus.SiteBus;

/** The events of a cycle's island transitions: one per transition, with its numbers. */
final class IslandEvents {
    private IslandEvents() {
    }

    static void raise(Instant now, Site site, SiteDevices.IslandStatus is, SiteDevices.Flows f,
            java.util.function.Consumer<Event> out) {
        int t = is.transitions();
        String soc = String.format(Locale.ROOT, "%.1f", f.socFraction() * 100);
        if ((t & SiteBus.ISLANDED_NOW) != 0) {
            out.accept(event(now, site, Event.Kind.ISLAND, "grid lost: the battery holds the island at " + soc
                    + " % SoC", "state", "islanded", "soc_percent", soc));
        }
        if ((t & SiteBus.TIER_SHED) != 0) {
            boolean priority = is.shedLevel() >= SiteBus.SHED_PRIORITY;
            out.accept(event(now, site, Event.Kind.ISLAND, (priority ? "sheddable and priority" : "sheddable")
                    + " loads shed at " + soc + " % SoC", "state", priority ? "shed_priority" : "shed_sheddable",
                    "shed_level", Integer.toString(is.shedLevel()), "soc_percent", soc));
        }
        if ((t & SiteBus.BLACKOUT_NOW) != 0) {
            boolean forming = site.hasBattery() && site.resilience().island().gridForming();
            String why = forming ? String.format(Locale.ROOT, "the island could not carry the critical load "
                    + "(%.1f kW unserved)", is.unmetCriticalKw()) : "no grid-forming battery";
            out.accept(event(now, site, Event.Kind.ISLAND, "site dark: " + why, "state",
                    forming ? "blackout" : "blackout_no_forming", "unmet_critical_kw", Event.kw(is.unmetCriticalKw()),
                    "soc_percent", soc));
        }
        if ((t & SiteBus.BLACK_START) != 0) {
            out.accept(event(now, site, Event.Kind.RESTORE, "black start: the battery restarted the island with "
                    + "the critical load at " + soc + " % SoC", "state", "black_start", "soc_percent", soc));
        }
        if ((t & SiteBus.TIER_RESTORED) != 0) {
            String tier = is.shedLevel() == SiteBus.SHED_NONE ? "sheddable" : "priority";
            out.accept(event(now, site, Event.Kind.RESTORE, tier + " loads restored at " + soc + " % SoC",
                    "state", "restored_" + tier, "shed_level", Integer.toString(is.shedLevel()), "soc_percent", soc));
        }
        if ((t & SiteBus.RESYNC) != 0) {
            out.accept(event(now, site, Event.Kind.RESTORE, "grid back: resynchronised after "
                    + site.resilience().island().resyncDelaySeconds() + " s of grid, every load restored",
                    "state", "resync", "resync_delay_s",
                    Long.toString(site.resilience().island().resyncDelaySeconds())));
        }
    }

    private static Event event(Instant now, Site site, Event.Kind kind, String detail, String... kv) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            values.put(kv[i], kv[i + 1]);
        }
        return new Event(now, site.id(), kind, detail, values);
    }
}
