package org.gridtwin.physics.pv;

/**
 * PVWatts-style PV power functions, Dobos (2014), PVWatts Version 5 Manual, NREL/TP-6A20-62641.
 */
public final class PvWatts {
    /** Nominal inverter efficiency of PVWatts v5. */
    public static final double INVERTER_EFFICIENCY_NOMINAL = 0.96;
    /** Reference efficiency of the PVWatts v5 part-load curve. */
    public static final double INVERTER_EFFICIENCY_REFERENCE = 0.9637;

    private PvWatts() {
    }


    /**
     * DC power, PVWatts v5 manual eq. 5: {@code P_dc = (E_tr/1000) P_dc0 (1 + γ (T_cell − 25))}, then reduced by
     * the system losses (manual section 4).
     *
     * @param transmittedPoaWm2 plane-of-array irradiance reaching the cells (after the incidence-angle modifier)
     * @param capacityKwDc      DC nameplate at 1000 W/m², 25 °C
     * @param gammaPerC         temperature coefficient of power, 1/°C (negative)
     * @param lossFraction      system losses, 0..1
     */
    public static double dcPowerKw(double transmittedPoaWm2, double cellTempC, double capacityKwDc, double gammaPerC,
            double lossFraction) {
        if (transmittedPoaWm2 <= 0) {
            return 0;
        }
        return transmittedPoaWm2 / 1000.0 * capacityKwDc * (1 + gammaPerC * (cellTempC - 25)) * (1 - lossFraction);
    }

    /**
     * AC power of the PVWatts v5 inverter model (manual eqs. 6–8): part-load efficiency
     * {@code η = η_nom/η_ref (−0.0162 ζ − 0.0059/ζ + 0.9858)} with {@code ζ = P_dc / P_dc0},
     * {@code P_dc0 = P_ac0 / η_nom}; output clipped at the AC rating, 0 without DC input.
     */
    public static double inverterAcKw(double dcKw, double inverterKwAc) {
        if (dcKw <= 0) {
            return 0;
        }
        double dc0 = inverterKwAc / INVERTER_EFFICIENCY_NOMINAL;
        double zeta = dcKw / dc0;
        double eta = INVERTER_EFFICIENCY_NOMINAL / INVERTER_EFFICIENCY_REFERENCE
                * (-0.0162 * zeta - 0.0059 / zeta + 0.9858);
        return Math.max(0, Math.min(eta * dcKw, inverterKwAc));
    }
}
