package org.gridtwin.model;

import java.util.List;

/**
 * Identical turbines at one site.
 *
 * @param id                   unique within the site
 * @param count                number of turbines
 * @param ratedKw              rated power of one turbine, kW
 * @param hubHeightM           hub height above ground, m
 * @param shearExponent        Hellman exponent of the power-law wind profile (about 0.14 over open sea/coast)
 * @param cutInMPerS           below this hub-height speed the turbine produces nothing
 * @param cutOutMPerS          at or above this speed it shuts down
 * @param availabilityFraction share of time the turbine is available (maintenance, faults)
 * @param powerCurve           points of speed (m/s) and power (kW) at standard air density, speeds increasing
 * @param chain                the models of the wind chain
 */
public record WindFarm(String id, int count, double ratedKw, double hubHeightM, double shearExponent,
        double cutInMPerS, double cutOutMPerS, double availabilityFraction, List<CurvePoint> powerCurve,
        WindChain chain) {

    public WindFarm {
        powerCurve = List.copyOf(powerCurve);
    }

    /** A farm with the simple chain: power law with {@code shearExponent}, standard density, no wake loss. */
    public WindFarm(String id, int count, double ratedKw, double hubHeightM, double shearExponent,
            double cutInMPerS, double cutOutMPerS, double availabilityFraction, List<CurvePoint> powerCurve) {
        this(id, count, ratedKw, hubHeightM, shearExponent, cutInMPerS, cutOutMPerS, availabilityFraction,
                powerCurve, WindChain.SIMPLE);
    }

    public double ratedKwTotal() {
        return count * ratedKw;
    }

    /** One point of a power curve. */
    public record CurvePoint(double windSpeedMPerS, double powerKw) {
    }
}
