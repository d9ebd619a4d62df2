package org.gridtwin.physics.solar;

/**
 * Splitting global horizontal irradiance into its direct and diffuse parts. Irradiance in W/m², angles in degrees.
 */
public final class Decomposition {
    /** Above this zenith the decomposition models have no support; all light is taken as diffuse. */
    public static final double MAX_ZENITH_DEG = 87;

    private Decomposition() {
    }

    /** Clearness index GHI / (E0 cos z), limited to [0, 1]; 0 with the sun at or below the horizon. */
    public static double clearnessIndex(double ghiWm2, double zenithDeg, double extraterrestrialWm2) {
        return clearnessIndexFromCos(ghiWm2, Math.cos(Math.toRadians(zenithDeg)), extraterrestrialWm2);
    }

    /** {@link #clearnessIndex} from the cosine of the zenith angle. */
    public static double clearnessIndexFromCos(double ghiWm2, double cosZ, double extraterrestrialWm2) {
        if (cosZ <= 0 || ghiWm2 <= 0) {
            return 0;
        }
        return Math.min(1, ghiWm2 / (extraterrestrialWm2 * cosZ));
    }

    /**
     * Diffuse fraction of GHI from the clearness index, Erbs, Klein &amp; Duffie (1982), Solar Energy 28(4),
     * eq. 1 (hourly data). Valid for clearness index 0..1.
     */
    public static double erbsDiffuseFraction(double clearnessIndex) {
        double kt = clearnessIndex;
        if (kt <= 0.22) {
            return 1.0 - 0.09 * kt;
        }
        if (kt <= 0.80) {
            return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * kt * kt * kt + 12.336 * kt * kt * kt * kt;
        }
        return 0.165;
    }

    /**
     * Direct normal irradiance by the DISC model, Maxwell (1987), SERI/TR-215-3087: the clear-sky beam
     * transmittance {@code Knc(am)} minus an exponential correction {@code a + b e^(c am)} whose coefficients
     * depend on the clearness index (two branches at kt = 0.6); air mass from Kasten (1966), pressure-corrected
     * and capped at 12. 0 above {@value #MAX_ZENITH_DEG}° zenith or when the model goes negative.
     *
     * @param extraterrestrialWm2 extraterrestrial normal irradiance of the day
     * @param pressurePa          station pressure
     */
    public static double discDniWm2(double ghiWm2, double zenithDeg, double extraterrestrialWm2,
            double pressurePa) {
        if (zenithDeg > MAX_ZENITH_DEG || ghiWm2 <= 0) {
            return 0;
        }
        double kt = clearnessIndex(ghiWm2, zenithDeg, extraterrestrialWm2);
        double am = Math.min(12, AirMass.absolute(AirMass.relativeKasten1966(zenithDeg), pressurePa));
        double kt2 = kt * kt;
        double kt3 = kt2 * kt;
        double a;
        double b;
        double c;
        if (kt <= 0.6) {
            a = 0.512 - 1.56 * kt + 2.286 * kt2 - 2.222 * kt3;
            b = 0.37 + 0.962 * kt;
            c = -0.28 + 0.932 * kt - 2.048 * kt2;
        } else {
            a = -5.743 + 21.77 * kt - 27.49 * kt2 + 11.56 * kt3;
            b = 41.4 - 118.5 * kt + 66.05 * kt2 + 31.9 * kt3;
            c = -47.01 + 184.2 * kt - 222.0 * kt2 + 73.81 * kt3;
        }
        double deltaKn = a + b * Math.exp(c * am);
        double knc = 0.866 - 0.122 * am + 0.0121 * am * am - 0.000653 * am * am * am + 1.4e-5 * am * am * am * am;
        return Math.max(0, (knc - deltaKn) * extraterrestrialWm2);
    }
}
