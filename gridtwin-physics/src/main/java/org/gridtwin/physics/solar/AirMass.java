package org.gridtwin.physics.solar;

/** Optical air mass. Zenith in degrees; pressures in Pa. */
public final class AirMass {
    /** Standard sea-level pressure, Pa. */
    public static final double STANDARD_PRESSURE_PA = 101_325;

    private AirMass() {
    }

    /**
     * Relative air mass, Kasten &amp; Young (1989), Applied Optics 28(22): 4735–4738:
     * {@code 1 / (cos z + 0.50572 (96.07995 − z)^−1.6364)}. NaN at or below the horizon.
     */
    public static double relativeKastenYoung(double zenithDeg) {
        if (zenithDeg >= 90) {
            return Double.NaN;
        }
        return 1 / (Math.cos(Math.toRadians(zenithDeg)) + 0.50572 * Math.pow(96.07995 - zenithDeg, -1.6364));
    }

    /**
     * Relative air mass, Kasten (1966) as used by the DISC model (Maxwell 1987):
     * {@code 1 / (cos z + 0.15 (93.885 − z)^−1.253)}. NaN at or below the horizon.
     */
    public static double relativeKasten1966(double zenithDeg) {
        if (zenithDeg >= 90) {
            return Double.NaN;
        }
        return 1 / (Math.cos(Math.toRadians(zenithDeg)) + 0.15 * Math.pow(93.885 - zenithDeg, -1.253));
    }

    /** Absolute (pressure-corrected) air mass: relative × p / 101,325 Pa. */
    public static double absolute(double relativeAirMass, double pressurePa) {
        return relativeAirMass * pressurePa / STANDARD_PRESSURE_PA;
    }
}
