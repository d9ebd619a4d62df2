package org.gridtwin.sim.sizing;

import java.util.ArrayList;
import java.util.List;

/**
 * The configurations to try (every combination of the lists) and the constraints a configuration must meet.
 *
 * @param pvKw                  PV sizes, kW DC
 * @param batteryKwh            battery energies, kWh (0 = no battery)
 * @param batteryKw             battery powers, kW
 * @param turbines              numbers of turbines
 * @param gridLimitKw           grid import limits, kW
 * @param minRenewableFraction  lowest acceptable renewable fraction
 * @param maxUnmetFraction      highest acceptable share of load unmet
 * @param maxGridImportKwh      highest acceptable grid import per year, kWh
 * @param minSurvivalHours      the critical load must be carried through an outage this long (0 = no requirement;
 *                              docs/resilience.md)
 * @param survivalProbability   ... from at least this share of the outage starts over the year
 */
public record SearchSpace(List<Double> pvKw, List<Double> batteryKwh, List<Double> batteryKw, List<Integer> turbines,
        List<Double> gridLimitKw, double minRenewableFraction, double maxUnmetFraction, double maxGridImportKwh,
        double minSurvivalHours, double survivalProbability) {

    /** Without a resilience requirement. */
    public SearchSpace(List<Double> pvKw, List<Double> batteryKwh, List<Double> batteryKw, List<Integer> turbines,
            List<Double> gridLimitKw, double minRenewableFraction, double maxUnmetFraction, double maxGridImportKwh) {
        this(pvKw, batteryKwh, batteryKw, turbines, gridLimitKw, minRenewableFraction, maxUnmetFraction,
                maxGridImportKwh, 0, 1);
    }

    public boolean requiresSurvival() {
        return minSurvivalHours > 0;
    }

    /** One configuration. */
    public record Config(double pvKw, double batteryKwh, double batteryKw, int turbines, double gridLimitKw) {
    }

    /** Every combination, in a fixed order (PV outermost, grid limit innermost). */
    public List<Config> configs() {
        List<Config> out = new ArrayList<>();
        for (double pv : pvKw) {
            for (double e : batteryKwh) {
                for (double p : batteryKw) {
                    for (int t : turbines) {
                        for (double g : gridLimitKw) {
                            if (e == 0 && p != batteryKw.get(0)) {
                                continue; // without a battery its power does not matter
                            }
                            out.add(new Config(pv, e, p, t, g));
                        }
                    }
                }
            }
        }
        return out;
    }
}
