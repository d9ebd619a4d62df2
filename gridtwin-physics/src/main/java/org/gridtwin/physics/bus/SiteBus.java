package org.gridtwin.physics.bus;

import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
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
 */
public final class SiteBus {
    /** Rounding the limits may leave; anything larger is a bug in the limits, not dust. */
    private static final double WINDOW_DUST_KWH = 1e-6;

    private final Battery b;
    private final double capacityKwh;
    private final double minKwh;
    private final double maxKwh;
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

    public SiteBus(Battery battery, GridConnection grid) {
        this.b = battery;
        this.capacityKwh = battery != null ? battery.energyKwh() : 0;
        this.minKwh = battery != null ? battery.socMinFraction() * capacityKwh : 0;
        this.maxKwh = battery != null ? battery.socMaxFraction() * capacityKwh : 0;
        this.storedKwh = battery != null ? battery.socInitialFraction() * capacityKwh : 0;
        this.importLimitKw = grid.importLimitKw();
        this.exportLimitKw = grid.exportLimitKw();
    }

    /** Starts an interval of {@code hours}: self-discharge, then the feasible battery powers. */
    public void begin(double hours) {
        windLimitKw = Double.POSITIVE_INFINITY;
        pvLimitKw = Double.POSITIVE_INFINITY;
        if (b == null) {
            return;
        }
        storedKwh = BatteryPhysics.afterSelfDischargeKwh(storedKwh, minKwh, b.selfDischargePerDay(), hours);
        maxChargeKw = BatteryPhysics.maxChargeKw(storedKwh, maxKwh, b.chargeKw(), b.chargeEfficiency(), hours);
        maxDischargeKw = BatteryPhysics.maxDischargeKw(storedKwh, minKwh, b.dischargeKw(), b.dischargeEfficiency(),
                hours);
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
        curtailedKw = cut + limited;
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

    /**
     * Puts the battery at a state of charge, clamped to its SoC window: a live harness resumes the SoC it last
     * stored, or carries it into the next twin window.
     */
    public void restoreSoc(double fraction) {
        if (b != null && !Double.isNaN(fraction)) {
            storedKwh = Math.max(minKwh, Math.min(maxKwh, fraction * capacityKwh));
        }
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
