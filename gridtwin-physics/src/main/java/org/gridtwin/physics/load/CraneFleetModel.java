package org.gridtwin.physics.load;

import java.time.Instant;
import java.util.SplittableRandom;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;

/**
 * Electric gantry cranes as move cycles. Moves of each crane arrive as a Poisson process whose rate is the
 * hour-of-day value of {@code moves_per_hour}. A move hoists at peak power for {@code E_gross / P_peak}, travels
 * for {@value #TRAVEL_SECONDS} s, then lowers for the same time while returning {@code r E_gross}; with
 * {@code E_gross = kwh_per_move / (1 − r)} the net energy per move is exactly {@code kwh_per_move}.
 * Energies are split over the steps the phases overlap, so the model holds at any step length; move starts are
 * taken to the whole second (a precomputed kernel per second of offset) and moves starting before the period are
 * left out.
 * Published basis: e-RTG peak 0.3–0.5 MW and 2–4 kWh per move; about 30–70 % of lift energy recoverable
 * (docs/data-sources.md).
 */
public final class CraneFleetModel {
    /** Trolley and gantry travel between hoisting and lowering, s (assumption within a 90–120 s cycle). */
    static final double TRAVEL_SECONDS = 30;

    private CraneFleetModel() {
    }

    public static double[] kw(LoadSpec.CraneFleet fleet, TimeGrid grid, long seed) {
        int n = grid.steps();
        int stepSec = grid.stepSeconds();
        double gross = fleet.kwhPerMove() / (1 - fleet.regeneratedShare());
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
        double[][] kernel = moveKernel(stepSec, phaseSec, gross, regen);
        int width = kernel[0].length;
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
                oneHour(kwh, kernel, cranes, k * 3600.0 - localSec, lambdaByHour[k], stepSec);
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
    private static void oneHour(double[] kwh, double[][] kernel, SplittableRandom[] cranes, double hourStart,
            double lambda, int stepSec) {
        double hourEnd = hourStart + 3600;
        double meanGap = 1 / lambda;
        int width = kernel[0].length;
        for (SplittableRandom rng : cranes) {
            // Poisson arrivals; memorylessness lets each hour restart at its boundary with the new rate
            double t = hourStart + rng.nextExponential() * meanGap;
            while (t < hourEnd) {
                if (t >= 0) {
                    int second = (int) t;
                    int bin = second / stepSec;
                    double[] row = kernel[second - bin * stepSec];
                    for (int j = 0; j < width; j++) {
                        kwh[bin + j] += row[j];
                    }
                }
                t += rng.nextExponential() * meanGap;
            }
        }
    }

    /**
     * The energy one move puts into each step, for every whole-second offset of its start within a step:
     * {@code kernel[offset][j]} is the energy in the j-th step from the one the move starts in. A move is the hoist
     * box (+gross over the phase) then, after the travel, the lowering box (−regen over the same time).
     */
    static double[][] moveKernel(int stepSec, double phaseSec, double grossKwh, double regenKwh) {
        double span = 2 * phaseSec + TRAVEL_SECONDS;
        int width = (int) Math.ceil((stepSec + span) / stepSec) + 1;
        double[][] kernel = new double[stepSec][width];
        for (int off = 0; off < stepSec; off++) {
            box(kernel[off], off, off + phaseSec, grossKwh, stepSec);
            double lower = off + phaseSec + TRAVEL_SECONDS;
            box(kernel[off], lower, lower + phaseSec, -regenKwh, stepSec);
        }
        return kernel;
    }

    /** Spreads {@code kwh} evenly over [t0, t1) seconds into steps of {@code stepSec}. */
    static void box(double[] bins, double t0, double t1, double kwh, int stepSec) {
        double perSecond = kwh / (t1 - t0);
        for (int b = (int) (t0 / stepSec); b * (double) stepSec < t1; b++) {
            double lo = Math.max(t0, (double) b * stepSec);
            double hi = Math.min(t1, (double) (b + 1) * stepSec);
            bins[b] += perSecond * (hi - lo);
        }
    }

    private static int localHour(TimeGrid grid, long gridStartEpoch, double secondsFromStart) {
        long t = gridStartEpoch + (long) Math.floor(secondsFromStart) + 1;
        int offset = grid.zone().getRules().getOffset(Instant.ofEpochSecond(t)).getTotalSeconds();
        return (int) Math.floorMod((t + offset) / 3600, 24L);
    }
}
