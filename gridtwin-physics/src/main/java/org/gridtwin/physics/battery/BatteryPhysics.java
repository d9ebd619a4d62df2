package org.gridtwin.physics.battery;

/**
 * Pure battery functions on the bus side. Sign: positive power = discharge into the bus, negative = charge.
 * A charge of P kW for h hours stores {@code P h η_c} kWh; a discharge of P kW for h hours removes
 * {@code P h / η_d} kWh (the usual bucket model, e.g. HOMER's "idealized storage model" with separate
 * charge and discharge efficiencies).
 */
public final class BatteryPhysics {
    private BatteryPhysics() {
    }

    /** Stored energy after self-discharge over a step; the BMS floor at {@code minKwh} is never crossed by it. */
    public static double afterSelfDischargeKwh(double storedKwh, double minKwh, double lossPerDay, double stepHours) {
        if (storedKwh <= minKwh || lossPerDay == 0) {
            return storedKwh;
        }
        double kept = Math.pow(1 - lossPerDay, stepHours / 24.0);
        return Math.max(minKwh, storedKwh * kept);
    }

    /** Largest discharge power the battery can hold for a whole step, kW. */
    public static double maxDischargeKw(double storedKwh, double minKwh, double ratedKw, double dischargeEfficiency,
            double stepHours) {
        double energyLimited = (storedKwh - minKwh) * dischargeEfficiency / stepHours;
        return Math.max(0, Math.min(ratedKw, energyLimited));
    }

    /** Largest charge power (a positive number) the battery can absorb for a whole step, kW. */
    public static double maxChargeKw(double storedKwh, double maxKwh, double ratedKw, double chargeEfficiency,
            double stepHours) {
        double energyLimited = (maxKwh - storedKwh) / (chargeEfficiency * stepHours);
        return Math.max(0, Math.min(ratedKw, energyLimited));
    }

    /** Stored energy after applying a bus power for a step. */
    public static double nextStoredKwh(double storedKwh, double busKw, double chargeEfficiency,
            double dischargeEfficiency, double stepHours) {
        return busKw >= 0 ? storedKwh - busKw * stepHours / dischargeEfficiency
                : storedKwh - busKw * stepHours * chargeEfficiency;
    }
}
