package org.gridtwin.model;

import java.util.Map;

/**
 * A site's resilience settings: how it islands, which tier each load is in, and the faults a run injects.
 *
 * @param island the island behaviour
 * @param tiers  tiers named in the scenario, keyed by load id or {@code loadId/part}; others take
 *               {@link LoadTier#defaultFor}
 * @param events the faults
 */
public record Resilience(IslandSettings island, Map<String, LoadTier> tiers, FaultEvents events) {

    public Resilience {
        tiers = Map.copyOf(tiers);
    }

    public static Resilience defaults(Battery battery) {
        return new Resilience(IslandSettings.defaults(battery), Map.of(), FaultEvents.NONE);
    }

    public Resilience withIsland(IslandSettings other) {
        return new Resilience(other, tiers, events);
    }

    public Resilience withEvents(FaultEvents other) {
        return new Resilience(island, tiers, other);
    }

    /** The tier of a load, or of one of its parts ({@code part} empty for the whole load). */
    public LoadTier tierOf(LoadSpec load, String part) {
        LoadTier t = part.isEmpty() ? null : tiers.get(load.id() + "/" + part);
        if (t == null) {
            t = tiers.get(load.id());
        }
        return t != null ? t : LoadTier.defaultFor(load, part);
    }
}
