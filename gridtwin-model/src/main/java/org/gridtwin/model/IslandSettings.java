package org.gridtwin.model;

/**
 * How a site behaves when the public grid is lost. Only a grid-forming battery can hold an island: it sets voltage
 * and frequency, carries the difference between the carried loads and the renewables, and the island controller
 * sheds load tiers to keep that difference inside the battery's power and energy. Defaults and their sources are in
 * docs/resilience.md.
 *
 * @param gridForming               the battery's inverter can form the grid; without it any outage blacks out
 * @param minSocFraction            the island discharges the battery down to this state of charge, no further
 * @param shedSheddableBelowSoc     sheddable loads are shed when the state of charge falls below this
 * @param shedPriorityBelowSoc      priority loads are shed when the state of charge falls below this
 * @param restoreMarginFraction     restore hysteresis: a shed tier comes back only when the state of charge is this
 *                                  far above its shedding level and the island with it would use at most
 *                                  {@code 1 − margin} of the battery's power
 * @param restoreDelaySeconds       a shed tier stays shed at least this long
 * @param resyncDelaySeconds        after the grid returns the site waits this long before it resynchronises
 * @param blackStartSocFraction     after a black-out the battery restarts the island (critical tier first) only
 *                                  from this state of charge, and only if it can carry the critical load alone
 * @param reserveSocFraction        the state of charge normal (grid-connected) dispatch keeps for islanding; the
 *                                  battery's own minimum when no reserve is wanted
 */
public record IslandSettings(boolean gridForming, double minSocFraction, double shedSheddableBelowSoc,
        double shedPriorityBelowSoc, double restoreMarginFraction, long restoreDelaySeconds, long resyncDelaySeconds,
        double blackStartSocFraction, double reserveSocFraction) {

    /** Restore hysteresis: 5 % of capacity above the shedding level, and 10 % of power headroom (assumption). */
    public static final double DEFAULT_RESTORE_MARGIN = 0.1;
    /** A shed tier stays shed at least 15 minutes (assumption, so cranes do not cycle on every gust). */
    public static final long DEFAULT_RESTORE_DELAY_S = 900;
    /** IEEE 1547-2018 §4.10.3: reconnect after the grid has been normal for 300 s (its default). */
    public static final long DEFAULT_RESYNC_DELAY_S = 300;

    /** The defaults for a site with {@code battery} (which may be {@code null}): not grid-forming, no reserve. */
    public static IslandSettings defaults(Battery battery) {
        return defaults(battery, battery == null ? 0 : battery.socMinFraction());
    }

    /**
     * The defaults around an island minimum: sheddable loads shed below half the window above it, priority loads
     * below a quarter, black start from a tenth (assumptions: the lower half is kept for the priority and critical
     * tiers, the last quarter for the critical tier alone).
     */
    public static IslandSettings defaults(Battery battery, double minSocFraction) {
        double min = minSocFraction;
        double span = battery == null ? 0 : battery.socMaxFraction() - min;
        return new IslandSettings(false, min, min + 0.5 * span, min + 0.25 * span, DEFAULT_RESTORE_MARGIN,
                DEFAULT_RESTORE_DELAY_S, DEFAULT_RESYNC_DELAY_S, min + 0.1 * span,
                battery == null ? 0 : battery.socMinFraction());
    }

    /** These settings with another reserve. */
    public IslandSettings withReserve(double socFraction) {
        return new IslandSettings(gridForming, minSocFraction, shedSheddableBelowSoc, shedPriorityBelowSoc,
                restoreMarginFraction, restoreDelaySeconds, resyncDelaySeconds, blackStartSocFraction, socFraction);
    }

    /** Whether normal dispatch keeps more than the battery's own minimum in reserve. */
    public boolean hasReserve(Battery battery) {
        return battery != null && reserveSocFraction > battery.socMinFraction() + 1e-12;
    }
}
