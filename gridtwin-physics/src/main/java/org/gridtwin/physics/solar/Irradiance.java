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
     * Diffuse fraction of global horizontal irradiance from the clearness index, Erbs, Klein &amp; Duffie (1982),
     * Solar Energy 28(4), eq. 1 (hourly data). Valid for clearness index 0..1.
     */
    public static double diffuseFractionErbs(double clearnessIndex) {
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

    /**
     * Plane-of-array irradiance with the isotropic sky model, Liu &amp; Jordan (1963), Duffie &amp; Beckman eq. 2.15.1:
     * beam on the plane, plus sky diffuse seen through the view factor (1 + cos β)/2, plus ground-reflected GHI
     * through (1 − cos β)/2.
     */
    public static double poaIsotropicWm2(double dniWm2, double dhiWm2, double ghiWm2, double cosAoi, double tiltDeg,
            double albedo) {
        double cosB = Math.cos(Math.toRadians(tiltDeg));
        double beam = Math.max(0, cosAoi) * dniWm2;
        return beam + dhiWm2 * (1 + cosB) / 2 + ghiWm2 * albedo * (1 - cosB) / 2;
    }

    /**
     * ASHRAE incidence-angle modifier for beam radiation: {@code 1 − b0 (1/cos θ − 1)}, b0 = 0.05 for glass
     * (Souka &amp; Safwat 1966; as used in PVsyst and pvlib {@code iam.ashrae}); 0 beyond the angle where it vanishes.
     */
    public static double iamAshrae(double cosAoi) {
        if (cosAoi <= 0) {
            return 0;
        }
        return Math.max(0, 1 - 0.05 * (1 / cosAoi - 1));
    }
}
