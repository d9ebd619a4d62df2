package org.gridtwin.physics.solar;

/**
 * Pure irradiance functions, one physical step each. Angles in degrees, irradiance in W/m².
 */
public final class Irradiance {
    /** Solar constant, W/m² (the value used by Duffie and Beckman, and by Erbs et al. 1982). */
    public static final double SOLAR_CONSTANT_WM2 = 1367.0;

    private Irradiance() {
    }

    /**
     * Extraterrestrial normal irradiance on a day of the year.
     * Source: Duffie &amp; Beckman, Solar Engineering of Thermal Processes, 4th ed., eq. 1.4.1a
     * ({@code G_on = G_sc (1 + 0.033 cos(360 n / 365))}). Valid for any day 1..366.
     */
    public static double extraterrestrialNormalWm2(int dayOfYear) {
        return SOLAR_CONSTANT_WM2 * (1 + 0.033 * Math.cos(2 * Math.PI * dayOfYear / 365.0));
    }

    /**
     * Clear-sky global horizontal irradiance, Haurwitz (1945) model as given by Reno, Hansen &amp; Stein (2012),
     * SAND2012-2389, eq. 2: {@code GHI = 1098 cos z exp(-0.057 / cos z)}; 0 when the sun is below the horizon.
     */
    public static double clearSkyGhiHaurwitzWm2(double zenithDeg) {
        return clearSkyGhiHaurwitzFromCosWm2(Math.cos(Math.toRadians(zenithDeg)));
    }

    /** {@link #clearSkyGhiHaurwitzWm2} from the cosine of the zenith angle. */
    public static double clearSkyGhiHaurwitzFromCosWm2(double cosZenith) {
        return cosZenith <= 0 ? 0 : 1098.0 * cosZenith * Math.exp(-0.057 / cosZenith);
    }


    /**
     * Cosine of the angle of incidence of beam radiation on a tilted plane. Duffie &amp; Beckman eq. 1.6.3, with
     * both azimuths measured clockwise from north.
     */
    public static double cosAngleOfIncidence(double zenithDeg, double sunAzimuthDeg, double tiltDeg,
            double surfaceAzimuthDeg) {
        double z = Math.toRadians(zenithDeg);
        double b = Math.toRadians(tiltDeg);
        return Math.cos(z) * Math.cos(b)
                + Math.sin(z) * Math.sin(b) * Math.cos(Math.toRadians(sunAzimuthDeg - surfaceAzimuthDeg));
    }


}
