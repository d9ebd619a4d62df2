package org.gridtwin.sim.sizing;

/**
 * What the sizing optimiser may vary, between bounds, and how hard it searches. A bound whose minimum equals its
 * maximum fixes that size.
 *
 * @param pvKw            PV kW DC {min, max}
 * @param batteryKwh      battery kWh {min, max}; sizes under 1 kWh mean no battery
 * @param batteryKw       battery kW {min, max}
 * @param turbinesMin     fewest turbines; every count up to {@code turbinesMax} is searched
 * @param turbinesMax     most turbines
 * @param gridLimitKw     grid import limit kW {min, max}
 * @param starts          local searches per turbine count: the first from the middle of the bounds, the others
 *                        from seeded random points
 * @param maxEvaluations  configurations one local search may try
 * @param seed            seed of the starting points
 * @param constraints     the constraints to meet (its size lists are not used)
 */
public record BoundsSearch(double[] pvKw, double[] batteryKwh, double[] batteryKw, int turbinesMin, int turbinesMax,
        double[] gridLimitKw, int starts, int maxEvaluations, long seed, SearchSpace constraints) {

    double[][] continuous() {
        return new double[][] {pvKw, batteryKwh, batteryKw, gridLimitKw};
    }

    /** Upper bound of the configurations tried, for progress bars. */
    public int maxConfigurations() {
        return (turbinesMax - turbinesMin + 1) * starts * maxEvaluations;
    }
}
