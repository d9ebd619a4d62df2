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

    /**
     * Stored energy after self-discharge over a step. The loss acts on the energy above the SoC floor
     * ({@code floor + (stored − floor) · kept}): the battery management holds the floor, and the step stays linear
     * in the stored energy, so the dispatch LP uses exactly the same model.
     */
    public static double afterSelfDischargeKwh(double storedKwh, double minKwh, double lossPerDay, double stepHours) {
        if (storedKwh <= minKwh || lossPerDay == 0) {
            return storedKwh;
        }
        return minKwh + (storedKwh - minKwh) * keptPerStep(lossPerDay, stepHours);
    }

    /** Share of the energy above the floor kept over one step: {@code (1 − loss per day)^(Δt / 24 h)}. */
    public static double keptPerStep(double lossPerDay, double stepHours) {
        return Math.pow(1 - lossPerDay, stepHours / 24.0);
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
