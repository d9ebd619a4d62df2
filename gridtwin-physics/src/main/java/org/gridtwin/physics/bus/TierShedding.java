package org.gridtwin.physics.bus;

import org.gridtwin.model.IslandSettings;

/**
 * Which load tiers an island carries, step by step: the shed level and how long it has lasted. Sheddable loads go
 * first, then priority loads, when the state of charge falls below a tier's level or the battery's power cannot
 * carry the tier; a shed tier comes back one at a time after the restore delay, with the state of charge a margin
 * above its level and the island with it needing at most {@code 1 − margin} of the battery's power, so a restored
 * tier is carried in the step it returns and not shed again at once. Mutable and allocation-free; {@link SiteBus}
 * holds one.
 */
public final class TierShedding {
    /** Power differences below this are float dust (an SoC of 0.19999999999999998), not a shortfall. */
    static final double DUST_KW = 1e-9;

    private final IslandSettings island;
    private int level = SiteBus.SHED_NONE;
    private double levelSeconds;

    public TierShedding(IslandSettings island) {
        this.island = island;
    }

    /** {@link SiteBus#SHED_NONE} .. {@link SiteBus#SHED_ALL}. */
    public int level() {
        return level;
    }

    /** Every tier carried: on the grid, or at the start of an island. */
    public void carryAll() {
        set(SiteBus.SHED_NONE);
    }

    /** Nothing carried: the site is dark. */
    public void shedAll() {
        set(SiteBus.SHED_ALL);
    }

    /** A black start: the critical tier alone. */
    public void criticalOnly() {
        set(SiteBus.SHED_PRIORITY);
    }

    /** Takes over another's level and the time it has lasted (a twin moving to its next window). */
    public void continueFrom(TierShedding other) {
        level = other.level;
        levelSeconds = other.levelSeconds;
    }

    /**
     * Decides the level of an island step: shedding by state of charge, else restoring one tier when allowed (not
     * in a black start's own step), then shedding until the battery's power carries the rest.
     *
     * @param soc            state of charge at the step's start
     * @param renewableKw    wind + PV the island could use, kW
     * @param maxDischargeKw what the battery can give for the whole step, kW
     * @param mayRestore     false in the step of a black start
     * @return {@link SiteBus#TIER_SHED} and/or {@link SiteBus#TIER_RESTORED} bits
     */
    public int decide(double soc, double criticalKw, double priorityKw, double sheddableKw, double renewableKw,
            double maxDischargeKw, double stepSeconds, boolean mayRestore) {
        int changes = 0;
        int socLevel = soc < island.shedPriorityBelowSoc() ? SiteBus.SHED_PRIORITY
                : soc < island.shedSheddableBelowSoc() ? SiteBus.SHED_SHEDDABLE : SiteBus.SHED_NONE;
        double margin = island.restoreMarginFraction();
        if (socLevel > level) {
            set(socLevel);
            changes |= SiteBus.TIER_SHED;
        } else if (level > SiteBus.SHED_NONE && mayRestore
                && levelSeconds + stepSeconds / 2 >= island.restoreDelaySeconds()) {
            int candidate = level - 1;
            double threshold = candidate == SiteBus.SHED_NONE ? island.shedSheddableBelowSoc()
                    : island.shedPriorityBelowSoc();
            double need = carriedKw(candidate, criticalKw, priorityKw, sheddableKw) - renewableKw;
            if (soc >= threshold + margin && need <= (1 - margin) * maxDischargeKw) {
                set(candidate);
                changes |= SiteBus.TIER_RESTORED;
            }
        }
        while (level < SiteBus.SHED_PRIORITY
                && carriedKw(level, criticalKw, priorityKw, sheddableKw) - renewableKw > maxDischargeKw + DUST_KW) {
            set(level + 1);
            changes |= SiteBus.TIER_SHED;
        }
        return changes;
    }

    /** Counts a step's time towards the restore delay. */
    public void elapse(double seconds) {
        levelSeconds += seconds;
    }

    /** The demand a level carries, kW. */
    public static double carriedKw(int level, double criticalKw, double priorityKw, double sheddableKw) {
        return criticalKw + (level < SiteBus.SHED_PRIORITY ? priorityKw : 0)
                + (level < SiteBus.SHED_SHEDDABLE ? sheddableKw : 0);
    }

    private void set(int newLevel) {
        level = newLevel;
        levelSeconds = 0;
    }
}
