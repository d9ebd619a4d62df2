package org.gridtwin.physics.load;

import java.time.Instant;
import java.util.SplittableRandom;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;

/**
 * Electric cranes as move cycles. Moves of each crane arrive as a Poisson process whose rate is the hour-of-day
 * value of {@code moves_per_hour}. A move is: gantry travel (on a random share of moves), hoisting at peak power
 * for {@code E_hoist / P_peak}, trolley travel, and lowering for the hoisting time while returning
 * {@code r E_hoist}. The hoisting energy is what the net energy per move leaves after travel:
 * {@code E_hoist = (kwh_per_move − E_trolley − share · E_gantry) / (1 − r)}, so an average move nets exactly
 * {@code kwh_per_move}.
 * Energies are split over the steps the phases overlap, so the model holds at any step length; move starts are
 * taken to the whole second (a precomputed kernel per second of offset) and moves starting before the period are
 * left out.
 * Published basis: e-RTG peak 0.3–0.5 MW and 2–4 kWh per move; about 30–70 % of lift energy recoverable
 * (docs/data-sources.md).
 */
public final class CraneFleetModel {
    private CraneFleetModel() {
    }

    public static double[] kw(LoadSpec.CraneFleet fleet, TimeGrid grid, long seed) {
        int n = grid.steps();
        int stepSec = grid.stepSeconds();
        LoadSpec.Travel travel = fleet.travel();
        double gross = (fleet.kwhPerMove() - fleet.travelKwhPerMove()) / (1 - fleet.regeneratedShare());
        double regen = gross * fleet.regeneratedShare();
        double phaseSec = gross / fleet.peakKwPerCrane() * 3600;
        double horizon = (double) n * stepSec;
        // local hour boundaries: step back from the grid start to the last local full hour
        long start = grid.start().getEpochSecond();
        int offset = grid.zone().getRules().getOffset(Instant.ofEpochSecond(start)).getTotalSeconds();
        long localSec = Math.floorMod(start + offset, 3600);
        double[] rate = new double[24];
        for (int h = 0; h < 24; h++) {
            rate[h] = fleet.movesPerHour().get(h) / 3600.0;
        }
        int hours = (int) Math.ceil((horizon + localSec) / 3600);
        double[] lambdaByHour = new double[hours];
        for (int k = 0; k < hours; k++) {
            lambdaByHour[k] = rate[localHour(grid, start, k * 3600.0 - localSec)];
        }
        double[][] plain = moveKernel(stepSec, phaseSec, gross, regen, travel, false);
        double[][] withGantry = moveKernel(stepSec, phaseSec, gross, regen, travel, true);
        int width = withGantry[0].length;
        double[] kwh = new double[n + width];
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] cranes = new SplittableRandom[fleet.count()];
        for (int c = 0; c < cranes.length; c++) {
            // split, not seed + c: neighbouring seeds of SplittableRandom give shifted copies of one sequence
            cranes[c] = root.split();
        }
        // hour by hour, all cranes: writes stay within a few cache lines instead of sweeping the year per crane
        for (int k = 0; k < hours; k++) {
            if (lambdaByHour[k] > 0) {
                oneHour(kwh, plain, withGantry, travel.gantryShare(), cranes, k * 3600.0 - localSec,
                        lambdaByHour[k], stepSec);
            }
        }
        double idle = fleet.idleKwPerCrane() * fleet.count();
        double toKw = 3600.0 / stepSec;
        double[] kw = new double[n];
        for (int i = 0; i < n; i++) {
            kw[i] = kwh[i] * toKw + idle;
        }
        return kw;
    }

    /** Every crane's moves in one hour, each crane drawing from its own random stream. */
    private static void oneHour(double[] kwh, double[][] plain, double[][] withGantry, double gantryShare,
            SplittableRandom[] cranes, double hourStart, double lambda, int stepSec) {
        double hourEnd = hourStart + 3600;
        double meanGap = 1 / lambda;
        for (SplittableRandom rng : cranes) {
            // Poisson arrivals; memorylessness lets each hour restart at its boundary with the new rate
            double t = hourStart + rng.nextExponential() * meanGap;
            while (t < hourEnd) {
                double[][] kernel = rng.nextDouble() < gantryShare ? withGantry : plain;
                if (t >= 0) {
                    int second = (int) t;
                    int bin = second / stepSec;
                    double[] row = kernel[second - bin * stepSec];
                    for (int j = 0; j < row.length; j++) {
                        kwh[bin + j] += row[j];
                    }
                }
                t += rng.nextExponential() * meanGap;
            }
        }
    }

    /**
     * The energy one move puts into each step, for every whole-second offset of its start within a step:
     * {@code kernel[offset][j]} is the energy in the j-th step from the one the move starts in. Phases in order:
     * gantry travel (if {@code gantry}), hoisting (+gross), trolley travel, lowering (−regen, as long as hoisting).
     * Both kernels have the same width so one buffer fits either.
     */
    static double[][] moveKernel(int stepSec, double phaseSec, double grossKwh, double regenKwh,
            LoadSpec.Travel travel, boolean gantry) {
        double span = travel.gantrySeconds() + 2 * phaseSec + travel.trolleySeconds();
        int width = (int) Math.ceil((stepSec + span) / stepSec) + 1;
        double[][] kernel = new double[stepSec][width];
        double trolleyKwh = travel.trolleyKw() * travel.trolleySeconds() / 3600;
        double gantryKwh = travel.gantryKw() * travel.gantrySeconds() / 3600;
        for (int off = 0; off < stepSec; off++) {
            double t = off;
            if (gantry && travel.gantrySeconds() > 0) {
                box(kernel[off], t, t + travel.gantrySeconds(), gantryKwh, stepSec);
                t += travel.gantrySeconds();
            }
            box(kernel[off], t, t + phaseSec, grossKwh, stepSec);
            t += phaseSec;
            if (travel.trolleySeconds() > 0) {
                box(kernel[off], t, t + travel.trolleySeconds(), trolleyKwh, stepSec);
                t += travel.trolleySeconds();
            }
            box(kernel[off], t, t + phaseSec, -regenKwh, stepSec);
        }
        return kernel;
    }

    /** Spreads {@code kwh} evenly over [t0, t1) seconds into steps of {@code stepSec}; outside the bins is dropped. */
    static void box(double[] bins, double t0, double t1, double kwh, int stepSec) {
        if (t1 <= t0) {
            return;
        }
        double perSecond = kwh / (t1 - t0);
        for (int b = Math.max(0, (int) (t0 / stepSec)); b < bins.length && b * (double) stepSec < t1; b++) {
            double lo = Math.max(t0, (double) b * stepSec);
            double hi = Math.min(t1, (double) (b + 1) * stepSec);
            if (hi > lo) {
                bins[b] += perSecond * (hi - lo);
            }
        }
    }

    private static int localHour(TimeGrid grid, long gridStartEpoch, double secondsFromStart) {
        long t = gridStartEpoch + (long) Math.floor(secondsFromStart) + 1;
        int offset = grid.zone().getRules().getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        return (int) Math.floorMod((t + offset) / 3600, 24L);
    }
}
