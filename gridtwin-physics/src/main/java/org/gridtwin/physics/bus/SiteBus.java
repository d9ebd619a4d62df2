package org.gridtwin.physics.bus;

import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.IslandSettings;
import org.gridtwin.physics.battery.BatteryPhysics;

/**
 * The physics of one site's bus for one interval, shared by every harness (the simulation engine and the live
 * twin), so both settle a strategy's setpoint identically. Mutable and reused: it allocates nothing per interval.
 *
 * <p>Use: {@link #begin} (self-discharge, then the battery's feasible powers {@link #maxChargeKw} and
 * {@link #maxDischargeKw} for the strategy), optionally {@link #limitRenewables} with the step's wind and PV
 * limits, then {@link #settle} with the setpoint.
 *
 * <p>Order of limits: a wind or PV limit caps that plant first (what lies above it is curtailed); the battery setpoint is clipped to its feasible power (ratings, SoC window, efficiency);
 * if charging would push import past the limit, charging is reduced first; what import still cannot cover is
 * unmet. On surplus, export takes what its limit allows; beyond it discharge is reduced first, then renewables are
 * curtailed (proportionally between wind and PV). Surplus left after all renewables are curtailed can only come
 * from regenerating loads; it is burned in their braking resistors, so it is added to the load.
 *
 * <p><b>Islands.</b> {@link #grid} says whether the public grid is there, {@link #batteryAvailable} whether the
 * battery is. When the grid is lost a grid-forming battery ({@link IslandSettings}) holds an island: the strategy's
 * setpoint is set aside and the battery carries the difference between the carried loads and the renewables.
 * Sheddable loads are shed first, then priority loads: when the state of charge falls below a tier's level, or
 * when the battery's power cannot carry the tier. A shed tier comes back only after the restore delay, with the
 * state of charge a margin above its level and the island with it using at most {@code 1 − margin} of the
 * battery's power, so it is not shed again right away. Surplus charges the battery; what it cannot take is
 * curtailed. When even the critical load cannot be carried the island collapses: at once when the power is short,
 * at the end of the step when the energy runs out (the step serves what the energy allows). A dark site restarts
 * (black start, critical tier first) only when the battery can carry the critical load alone from
 * {@link IslandSettings#blackStartSocFraction}. When the grid returns the site resynchronises after the resync
 * delay and every tier comes back. Delays are counted in steps, rounded to the nearest step. Grid-connected, the
 * battery keeps {@link IslandSettings#reserveSocFraction} in reserve.
 */
public final class SiteBus {
    /** Rounding the limits may leave; anything larger is a bug in the limits, not dust. */
    private static final double WINDOW_DUST_KWH = 1e-6;

    /** {@link #transitions()} bits: what changed in the last step. */
    public static final int ISLANDED_NOW = 1;
    public static final int BLACKOUT_NOW = 2;
    public static final int BLACK_START = 4;
    public static final int RESYNC = 8;
    public static final int TIER_SHED = 16;
    public static final int TIER_RESTORED = 32;

    /** Shed levels: nothing shed, sheddable shed, sheddable and priority shed, all load lost (black-out). */
    public static final int SHED_NONE = 0;
    public static final int SHED_SHEDDABLE = 1;
    public static final int SHED_PRIORITY = 2;
    public static final int SHED_ALL = 3;

    private final Battery b;
    private final IslandSettings island;
    private final double capacityKwh;
    private final double minKwh;
    private final double maxKwh;
    /** Discharge floors: grid-connected (the islanding reserve) and islanded. */
    private final double reserveKwh;
    private final double islandMinKwh;
    private final double importLimitKw;
    private final double exportLimitKw;
    private double storedKwh;
    private double maxChargeKw;
    private double maxDischargeKw;

    private double windKw;
    private double pvKw;
    private double loadKw;
    private double batteryKw;
    private double gridKw;
    private double unmetKw;
    private double curtailedKw;
    private double windLimitKw = Double.POSITIVE_INFINITY;
    private double pvLimitKw = Double.POSITIVE_INFINITY;
    private double criticalKw = Double.NaN;
    private double priorityKw;
    private double unmetCriticalKw;
    private double unmetPriorityKw;
    private double unmetSheddableKw;

    private boolean gridUp = true;
    private boolean batteryUp = true;
    private IslandState state = IslandState.CONNECTED;
    private final TierShedding shedding;
    /** Seconds the grid has been back while the site has not yet resynchronised. */
    private double gridBackSeconds;
    private int transitions;

    /** A bus whose battery (if any) is not grid-forming and keeps no reserve. */
    public SiteBus(Battery battery, GridConnection grid) {
        this(battery, grid, IslandSettings.defaults(battery));
    }

    public SiteBus(Battery battery, GridConnection grid, IslandSettings island) {
        this.b = battery;
        this.island = island;
        this.shedding = new TierShedding(island);
        this.capacityKwh = battery != null ? battery.energyKwh() : 0;
        this.minKwh = battery != null ? battery.socMinFraction() * capacityKwh : 0;
        this.maxKwh = battery != null ? battery.socMaxFraction() * capacityKwh : 0;
        this.storedKwh = battery != null ? battery.socInitialFraction() * capacityKwh : 0;
        this.reserveKwh = Math.max(minKwh, Math.min(maxKwh, island.reserveSocFraction() * capacityKwh));
        this.islandMinKwh = Math.max(minKwh, Math.min(maxKwh, island.minSocFraction() * capacityKwh));
        this.importLimitKw = grid.importLimitKw();
        this.exportLimitKw = grid.exportLimitKw();
    }

    /** Whether the public grid is there from the next {@link #begin} on (it stays as set). */
    public void grid(boolean up) {
        this.gridUp = up;
    }

    /** Whether the battery can work from the next {@link #begin} on (it stays as set); unavailable = 0 kW. */
    public void batteryAvailable(boolean up) {
        this.batteryUp = up;
    }

    /**
     * Starts an interval of {@code hours}: island transitions (islanding, resynchronisation), self-discharge, then
     * the feasible battery powers (down to the reserve on the grid, to the island minimum in an island).
     */
    public void begin(double hours) {
        windLimitKw = Double.POSITIVE_INFINITY;
        pvLimitKw = Double.POSITIVE_INFINITY;
        criticalKw = Double.NaN;
        priorityKw = 0;
        transitions = 0;
        double halfStepSeconds = hours * 1800;
        if (state == IslandState.CONNECTED && !gridUp) {
            gridBackSeconds = 0;
            if (canFormIsland()) {
                state = IslandState.ISLANDED;
                shedding.carryAll();
                transitions |= ISLANDED_NOW;
            } else {
                blackout();
            }
        } else if (state != IslandState.CONNECTED) {
            if (!gridUp) {
                gridBackSeconds = 0;
            } else if (gridBackSeconds + halfStepSeconds >= island.resyncDelaySeconds()) {
                state = IslandState.CONNECTED;
                shedding.carryAll();
                transitions |= RESYNC;
            }
        }
        if (state == IslandState.ISLANDED && !canFormIsland()) {
            blackout();
        }
        if (b == null) {
            return;
        }
        storedKwh = BatteryPhysics.afterSelfDischargeKwh(storedKwh, minKwh, b.selfDischargePerDay(), hours);
        if (!batteryUp) {
            maxChargeKw = 0;
            maxDischargeKw = 0;
            return;
        }
        double floor = state == IslandState.CONNECTED ? reserveKwh : islandMinKwh;
        maxChargeKw = BatteryPhysics.maxChargeKw(storedKwh, maxKwh, b.chargeKw(), b.chargeEfficiency(), hours);
        maxDischargeKw = BatteryPhysics.maxDischargeKw(storedKwh, floor, b.dischargeKw(), b.dischargeEfficiency(),
                hours);
    }

    private boolean canFormIsland() {
        return b != null && island.gridForming() && batteryUp;
    }

    private void blackout() {
        state = IslandState.BLACKOUT;
        shedding.shedAll();
        transitions |= BLACKOUT_NOW;
    }

    /**
     * The step's demand by tier, kW, set after {@link #begin} (the rest of the demand is sheddable). Without it the
     * whole demand counts as critical.
     */
    public void tiers(double criticalKw, double priorityKw) {
        this.criticalKw = criticalKw;
        this.priorityKw = priorityKw;
    }

    /**
     * Caps what the wind and PV plants may deliver in the interval begun by {@link #begin}, kW (infinity for no
     * limit, NaN counts as none, a negative limit as 0); the available power above a cap is curtailed.
     */
    public void limitRenewables(double windLimitKw, double pvLimitKw) {
        this.windLimitKw = Double.isNaN(windLimitKw) ? Double.POSITIVE_INFINITY : Math.max(0, windLimitKw);
        this.pvLimitKw = Double.isNaN(pvLimitKw) ? Double.POSITIVE_INFINITY : Math.max(0, pvLimitKw);
    }

    /**
     * Settles the interval begun by {@link #begin}: applies the limits to the setpoint and moves the battery.
     *
     * @param batterySetpointKw the strategy's battery power (positive = discharge); NaN counts as 0
     * @throws IllegalStateException when the battery would leave its SoC window by more than rounding
     */
    public void settle(double windAvailableKw, double pvAvailableKw, double demandKw, double batterySetpointKw,
            double hours) {
        double critical = Double.isNaN(criticalKw) ? demandKw : criticalKw;
        double priority = Double.isNaN(criticalKw) ? 0 : priorityKw;
        double sheddable = demandKw - critical - priority;
        if (state != IslandState.CONNECTED) {
            settleIsland(windAvailableKw, pvAvailableKw, critical, priority, sheddable, hours);
            if (gridUp) {
                gridBackSeconds += hours * 3600;
            }
            return;
        }
        double bat = Math.max(-maxChargeKw, Math.min(maxDischargeKw, batterySetpointKw));
        if (Double.isNaN(bat)) {
            bat = 0;
        }
        double demand = demandKw;
        double windCapped = Math.min(windAvailableKw, windLimitKw);
        double pvCapped = Math.min(pvAvailableKw, pvLimitKw);
        double limited = windAvailableKw - windCapped + pvAvailableKw - pvCapped;
        double renewable = windCapped + pvCapped;
        double net = demand - renewable - bat;
        double imp = 0;
        double exp = 0;
        double cut = 0;
        double unserved = 0;
        if (net > 0) {
            if (net > importLimitKw && bat < 0) {
                double less = Math.min(-bat, net - importLimitKw);
                bat += less;
                net -= less;
            }
            imp = Math.min(net, importLimitKw);
            unserved = net - imp;
        } else if (net < 0) {
            double surplus = -net;
            if (surplus > exportLimitKw && bat > 0) {
                double less = Math.min(bat, surplus - exportLimitKw);
                bat -= less;
                surplus -= less;
            }
            exp = Math.min(surplus, exportLimitKw);
            double excess = surplus - exp;
            cut = Math.min(excess, renewable);
            demand += excess - cut;
        }
        double share = renewable > 0 ? 1 - cut / renewable : 0;
        windKw = windCapped * share;
        pvKw = pvCapped * share;
        loadKw = demand;
        batteryKw = bat;
        gridKw = imp - exp;
        unmetKw = unserved;
        // what the import limit leaves unserved falls on the sheddable tier first, the critical tier last
        unmetSheddableKw = Math.min(unserved, Math.max(0, sheddable));
        unmetPriorityKw = Math.min(unserved - unmetSheddableKw, Math.max(0, priority));
        unmetCriticalKw = unserved - unmetSheddableKw - unmetPriorityKw;
        curtailedKw = cut + limited;
        moveBattery(bat, hours);
    }

    private void moveBattery(double bat, double hours) {
        if (b != null) {
            storedKwh = BatteryPhysics.nextStoredKwh(storedKwh, bat, b.chargeEfficiency(), b.dischargeEfficiency(),
                    hours);
            if (storedKwh < minKwh - WINDOW_DUST_KWH || storedKwh > maxKwh + WINDOW_DUST_KWH) {
                throw new IllegalStateException("the battery left its SoC window: " + storedKwh + " kWh");
            }
            // clear float dust at the window edges so the SoC never reads outside it
            storedKwh = Math.max(minKwh, Math.min(maxKwh, storedKwh));
        }
    }

    /** The island's step: shedding and restoring tiers, the battery balancing the bus, or a dark site. */
    private void settleIsland(double windAvailableKw, double pvAvailableKw, double critical, double priority,
            double sheddable, double hours) {
        double windCapped = Math.min(windAvailableKw, windLimitKw);
        double pvCapped = Math.min(pvAvailableKw, pvLimitKw);
        double renewable = windCapped + pvCapped;
        double seconds = hours * 3600;
        if (state == IslandState.BLACKOUT && !gridUp && canFormIsland() && soc() >= island.blackStartSocFraction()
                && maxDischargeKw >= Math.max(0, critical)) {
            state = IslandState.ISLANDED;
            shedding.criticalOnly();
            transitions |= BLACK_START;
        }
        if (state == IslandState.BLACKOUT) {
            dark(windAvailableKw, pvAvailableKw, critical, priority, sheddable, seconds);
            return;
        }
        // a black start picks up the critical load alone; further tiers follow in later steps
        transitions |= shedding.decide(soc(), critical, priority, sheddable, renewable, maxDischargeKw, seconds,
                (transitions & BLACK_START) == 0);
        int shedLevel = shedding.level();
        double carried = TierShedding.carriedKw(shedLevel, critical, priority, sheddable);
        double net = carried - renewable;
        double shortfall = 0;
        if (net > maxDischargeKw + TierShedding.DUST_KW) {
            // even the critical load cannot be carried: short of power the island trips now; short of energy the
            // battery gives what it holds, and the island ends with the step
            boolean powerShort = b == null || !batteryUp || net > b.dischargeKw();
            if (powerShort) {
                blackout();
                dark(windAvailableKw, pvAvailableKw, critical, priority, sheddable, seconds);
                return;
            }
            shortfall = net - maxDischargeKw;
            net = maxDischargeKw;
        }
        double bat = net;
        double cut = 0;
        double burned = 0;
        if (bat < -maxChargeKw) {
            double excess = -maxChargeKw - bat;
            bat = -maxChargeKw;
            cut = Math.min(excess, renewable);
            burned = excess - cut;
        }
        double share = renewable > 0 ? 1 - cut / renewable : 0;
        windKw = windCapped * share;
        pvKw = pvCapped * share;
        batteryKw = bat;
        gridKw = 0;
        curtailedKw = cut + windAvailableKw - windCapped + pvAvailableKw - pvCapped;
        unmetSheddableKw = shedLevel >= SHED_SHEDDABLE ? Math.max(0, sheddable) : 0;
        unmetPriorityKw = shedLevel >= SHED_PRIORITY ? Math.max(0, priority) : 0;
        unmetCriticalKw = 0;
        if (shortfall > 0) {
            // the carried tiers share the last step's shortfall in shedding order
            double fromSheddable = shedLevel < SHED_SHEDDABLE ? Math.min(shortfall, Math.max(0, sheddable)) : 0;
            double fromPriority = shedLevel < SHED_PRIORITY
                    ? Math.min(shortfall - fromSheddable, Math.max(0, priority)) : 0;
            unmetSheddableKw += fromSheddable;
            unmetPriorityKw += fromPriority;
            unmetCriticalKw = shortfall - fromSheddable - fromPriority;
        }
        unmetKw = unmetCriticalKw + unmetPriorityKw + unmetSheddableKw;
        loadKw = carried + burned - shortfall + unmetKw;
        moveBattery(bat, hours);
        shedding.elapse(seconds);
        if (shortfall > 0) {
            blackout();
        }
    }

    /** A dark step: no source on the bus, every load lost, the renewables (grid-following) stopped. */
    private void dark(double windAvailableKw, double pvAvailableKw, double critical, double priority,
            double sheddable, double seconds) {
        windKw = 0;
        pvKw = 0;
        batteryKw = 0;
        gridKw = 0;
        curtailedKw = windAvailableKw + pvAvailableKw;
        unmetCriticalKw = Math.max(0, critical);
        unmetPriorityKw = Math.max(0, priority);
        unmetSheddableKw = Math.max(0, sheddable);
        unmetKw = unmetCriticalKw + unmetPriorityKw + unmetSheddableKw;
        loadKw = unmetKw;
        shedding.elapse(seconds);
    }

    /**
     * Puts the battery at a state of charge, clamped to its SoC window: a live harness resumes the SoC it last
     * stored, or carries it into the next twin window.
     */
    public void restoreSoc(double fraction) {
        if (b != null && !Double.isNaN(fraction)) {
            storedKwh = Math.max(minKwh, Math.min(maxKwh, fraction * capacityKwh));
        }
    }

    /**
     * Puts the bus back on the grid with every tier served, no delay running and grid and battery available: an
     * outage analysis starts every outage afresh from the same bus.
     */
    public void reconnect() {
        state = IslandState.CONNECTED;
        shedding.carryAll();
        gridBackSeconds = 0;
        transitions = 0;
        gridUp = true;
        batteryUp = true;
    }

    /**
     * Takes over another bus's island state (islanded or dark, the shed level and the delays running): a live twin
     * that moves to its next window of series continues an outage instead of starting on the grid.
     */
    public void continueIslandFrom(SiteBus other) {
        state = other.state;
        shedding.continueFrom(other.shedding);
        gridBackSeconds = other.gridBackSeconds;
    }

    public IslandState state() {
        return state;
    }

    /** {@link #SHED_NONE} .. {@link #SHED_ALL} after the last settled step. */
    public int shedLevel() {
        return shedding.level();
    }

    /** What changed in the last step: {@link #ISLANDED_NOW}, {@link #BLACKOUT_NOW}, … bits. */
    public int transitions() {
        return transitions;
    }

    public boolean gridUp() {
        return gridUp;
    }

    /** Critical demand not served in the last step, kW (likewise {@link #unmetPriorityKw}, {@link #unmetSheddableKw}). */
    public double unmetCriticalKw() {
        return unmetCriticalKw;
    }

    public double unmetPriorityKw() {
        return unmetPriorityKw;
    }

    public double unmetSheddableKw() {
        return unmetSheddableKw;
    }

    public boolean hasBattery() {
        return b != null;
    }

    public double capacityKwh() {
        return capacityKwh;
    }

    public double storedKwh() {
        return storedKwh;
    }

    /** State of charge, 0..1 (0 without a battery). */
    public double soc() {
        return capacityKwh > 0 ? storedKwh / capacityKwh : 0;
    }

    public double maxChargeKw() {
        return maxChargeKw;
    }

    public double maxDischargeKw() {
        return maxDischargeKw;
    }

    public double importLimitKw() {
        return importLimitKw;
    }

    public double exportLimitKw() {
        return exportLimitKw;
    }

    /** Wind delivered in the last settled interval, kW (after curtailment). */
    public double windKw() {
        return windKw;
    }

    public double pvKw() {
        return pvKw;
    }

    /** Load served including burned regeneration, kW. */
    public double loadKw() {
        return loadKw;
    }

    /** Battery power after limits, kW (positive = discharge). */
    public double batteryKw() {
        return batteryKw;
    }

    /** Grid power, kW (positive = import). */
    public double gridKw() {
        return gridKw;
    }

    public double unmetKw() {
        return unmetKw;
    }

    /** Renewable power curtailed in the last settled interval, kW: above a limit, or beyond what could go anywhere. */
    public double curtailedKw() {
        return curtailedKw;
    }
}
