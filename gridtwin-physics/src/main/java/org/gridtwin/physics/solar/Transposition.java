package org.gridtwin.physics.solar;

/**
 * Sky-diffuse and ground-reflected irradiance on a tilted plane. Irradiance in W/m², angles in degrees,
 * {@code cosAoi} the cosine of the angle of incidence of the beam on the plane.
 */
public final class Transposition {
    /**
     * Upper limits of the sky-clearness bins of Perez et al. (1990), Solar Energy 44(5): 271–289, table 6.
     */
    private static final double[] PEREZ_EPSILON_BINS = {1.065, 1.230, 1.500, 1.950, 2.800, 4.500, 6.200};
    /**
     * The "all sites composite 1990" coefficients F11, F12, F13, F21, F22, F23 per clearness bin, Perez et al.
     * (1990) table 6 (facts of the paper).
     */
    private static final double[][] PEREZ_F = {
        {-0.0083117, 0.5877285, -0.0620636, -0.0596012, 0.0721249, -0.0220216},
        {0.1299457, 0.6825954, -0.1513752, -0.0189325, 0.0659650, -0.0288748},
        {0.3296958, 0.4868735, -0.2210958, 0.0554140, -0.0639588, -0.0260542},
        {0.5682053, 0.1874525, -0.2951290, 0.1088631, -0.1519229, -0.0139754},
        {0.8730280, -0.3920403, -0.3616149, 0.2255647, -0.4620442, 0.0012448},
        {1.1326077, -1.2367284, -0.4118494, 0.2877813, -0.8230357, 0.0558651},
        {1.0601591, -1.5999137, -0.3589221, 0.2642124, -1.1272340, 0.1310694},
        {0.6777470, -0.3272588, -0.2504286, 0.1561313, -1.3765031, 0.2506212},
    };
    private static final double COS_85 = Math.cos(Math.toRadians(85));
    /** Perez's constant for zenith angles in radians. */
    private static final double PEREZ_KAPPA = 1.041;

    private Transposition() {
    }

    /** Ground-reflected irradiance seen by the plane: {@code GHI ρ (1 − cos β)/2} (Liu &amp; Jordan 1963). */
    public static double groundReflectedWm2(double ghiWm2, double albedo, double tiltDeg) {
        return groundReflectedFromCosWm2(ghiWm2, albedo, Math.cos(Math.toRadians(tiltDeg)));
    }

    /** {@link #groundReflectedWm2} from the cosine of the tilt. */
    public static double groundReflectedFromCosWm2(double ghiWm2, double albedo, double cosTilt) {
        return ghiWm2 * albedo * (1 - cosTilt) / 2;
    }

    /** Isotropic sky diffuse: {@code DHI (1 + cos β)/2}, Liu &amp; Jordan (1963). */
    public static double isotropicSkyWm2(double dhiWm2, double tiltDeg) {
        return isotropicSkyFromCosWm2(dhiWm2, Math.cos(Math.toRadians(tiltDeg)));
    }

    /** {@link #isotropicSkyWm2} from the cosine of the tilt. */
    public static double isotropicSkyFromCosWm2(double dhiWm2, double cosTilt) {
        return dhiWm2 * (1 + cosTilt) / 2;
    }

    /**
     * Hay &amp; Davies (1980) sky diffuse: an anisotropy index {@code A = DNI / E0} of the diffuse treated as
     * circumsolar (projected like beam), the rest isotropic: {@code DHI [A Rb + (1 − A)(1 + cos β)/2]},
     * {@code Rb = max(cos θ, 0) / max(cos z, cos 89°)}. Duffie &amp; Beckman eq. 2.16.4.
     */
    public static double hayDaviesSkyWm2(double dhiWm2, double dniWm2, double extraterrestrialWm2, double cosAoi,
            double zenithDeg, double tiltDeg) {
        return hayDaviesSkyFromCosWm2(dhiWm2, dniWm2, extraterrestrialWm2, cosAoi, Math.cos(Math.toRadians(zenithDeg)),
                Math.cos(Math.toRadians(tiltDeg)));
    }

    /** {@link #hayDaviesSkyWm2} from the cosines of zenith and tilt. */
    public static double hayDaviesSkyFromCosWm2(double dhiWm2, double dniWm2, double extraterrestrialWm2,
            double cosAoi, double cosZenith, double cosTilt) {
        if (dhiWm2 <= 0) {
            return 0;
        }
        double a = Math.min(1, Math.max(0, dniWm2 / extraterrestrialWm2));
        double rb = Math.max(cosAoi, 0) / Math.max(cosZenith, 0.01745);
        return dhiWm2 * (a * rb + (1 - a) * (1 + cosTilt) / 2);
    }

    /**
     * Perez et al. (1990) sky diffuse with the all-sites-composite-1990 coefficients: sky clearness
     * {@code ε = ((DHI + DNI)/DHI + κ z³)/(1 + κ z³)} (z in radians, κ = 1.041) selects F11..F23; brightness
     * {@code Δ = DHI · AM / E0}; circumsolar {@code F1 = max(0, F11 + F12 Δ + F13 z)}, horizon
     * {@code F2 = F21 + F22 Δ + F23 z}; diffuse {@code DHI [(1 − F1)(1 + cos β)/2 + F1 a/b + F2 sin β]} with
     * {@code a = max(0, cos θ)}, {@code b = max(cos 85°, cos z)}.
     *
     * @param relativeAirMass relative (not pressure-corrected) air mass, e.g. Kasten–Young
     */
    public static double perezSkyWm2(double dhiWm2, double dniWm2, double extraterrestrialWm2, double cosAoi,
            double zenithDeg, double tiltDeg, double relativeAirMass) {
        double beta = Math.toRadians(tiltDeg);
        return perezSkyFromTrigWm2(dhiWm2, dniWm2, extraterrestrialWm2, cosAoi, zenithDeg, Math.cos(beta),
                Math.sin(beta), relativeAirMass);
    }

    /** {@link #perezSkyWm2} with the tilt given by its cosine and sine. */
    public static double perezSkyFromTrigWm2(double dhiWm2, double dniWm2, double extraterrestrialWm2, double cosAoi,
            double zenithDeg, double cosTilt, double sinTilt, double relativeAirMass) {
        if (dhiWm2 <= 0 || zenithDeg >= 90 || Double.isNaN(relativeAirMass)) {
            return dhiWm2 > 0 ? isotropicSkyFromCosWm2(dhiWm2, cosTilt) : 0;
        }
        double z = Math.toRadians(zenithDeg);
        double kz3 = PEREZ_KAPPA * z * z * z;
        double epsilon = ((dhiWm2 + dniWm2) / dhiWm2 + kz3) / (1 + kz3);
        int bin = 0;
        while (bin < PEREZ_EPSILON_BINS.length && epsilon >= PEREZ_EPSILON_BINS[bin]) {
            bin++;
        }
        double[] f = PEREZ_F[bin];
        double delta = dhiWm2 * relativeAirMass / extraterrestrialWm2;
        double f1 = Math.max(0, f[0] + f[1] * delta + f[2] * z);
        double f2 = f[3] + f[4] * delta + f[5] * z;
        double a = Math.max(0, cosAoi);
        double b = Math.max(COS_85, Math.cos(z));
        double sky = dhiWm2 * ((1 - f1) * (1 + cosTilt) / 2 + f1 * a / b + f2 * sinTilt);
        return Math.max(0, sky);
    }
}
