package org.gridtwin.physics.pv;

/** Cell temperature models. Irradiance on the plane of array in W/m², temperatures °C, wind m/s. */
public final class CellTemperature {
    private CellTemperature() {
    }

    /**
     * Sandia array performance model, King, Boyson &amp; Kratochvil (2004), SAND2004-3535, eqs. 11–12:
     * module {@code T_m = E e^(a + b ws) + T_a}, cell {@code T_c = T_m + E/1000 ΔT}. Open-rack glass/polymer:
     * a = −3.56, b = −0.075, ΔT = 3.
     */
    public static double sapmC(double poaWm2, double airTempC, double windSpeedMs, double a, double b,
            double deltaTC) {
        return poaWm2 * Math.exp(a + b * windSpeedMs) + airTempC + poaWm2 / 1000 * deltaTC;
    }

    /**
     * Faiman (2008), Progress in Photovoltaics 16(4), as in IEC 61853-2: {@code T = T_a + E / (U0 + U1 ws)};
     * defaults U0 = 25 W/m²K, U1 = 6.84 W s/m³K.
     */
    public static double faimanC(double poaWm2, double airTempC, double windSpeedMs, double u0, double u1) {
        return airTempC + poaWm2 / (u0 + u1 * windSpeedMs);
    }

    /**
     * PVsyst model: {@code T = T_a + α E (1 − η) / (U_c + U_v ws)}; free-standing U_c = 29, U_v = 0,
     * α = 0.9, η = 0.1 (PVsyst user manual, "Array thermal losses").
     */
    public static double pvsystC(double poaWm2, double airTempC, double windSpeedMs, double uc, double uv,
            double absorptance, double moduleEfficiency) {
        return airTempC + absorptance * poaWm2 * (1 - moduleEfficiency) / (uc + uv * windSpeedMs);
    }
}
