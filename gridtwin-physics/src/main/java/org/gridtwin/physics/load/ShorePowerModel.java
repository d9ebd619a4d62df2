package org.gridtwin.physics.load;

import java.util.SplittableRandom;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;

/**
 * Shore power: ship calls arrive as a Poisson process ({@code calls_per_week}), take the berth that frees first
 * (waiting if all are busy), stay uniformly between half and one and a half times the mean stay, and draw a
 * constant power drawn uniformly within {@code mean ± spread}. Energy is split exactly over the steps a stay
 * overlaps. Calls that arrived before the period are not modelled, so the first hours start with empty berths.
 */
public final class ShorePowerModel {
    private ShorePowerModel() {
    }

    public static double[] kw(LoadSpec.ShorePower s, TimeGrid grid, long seed) {
        int n = grid.steps();
        int stepSec = grid.stepSeconds();
        double horizon = (double) n * stepSec;
        double[] kwh = new double[n];
        double[] berthFreeAt = new double[s.berths()];
        SplittableRandom rng = new SplittableRandom(seed);
        double meanGap = 7 * 86_400 / s.callsPerWeek();
        double t = rng.nextExponential() * meanGap;
        while (t < horizon) {
            int berth = 0;
            for (int b = 1; b < berthFreeAt.length; b++) {
                if (berthFreeAt[b] < berthFreeAt[berth]) {
                    berth = b;
                }
            }
            double start = Math.max(t, berthFreeAt[berth]);
            double stay = s.meanStayHours() * 3600 * (0.5 + rng.nextDouble());
            double power = s.meanKw() + s.kwSpread() * (2 * rng.nextDouble() - 1);
            double end = start + stay;
            berthFreeAt[berth] = end;
            CraneFleetModel.box(kwh, start, Math.min(end, horizon), power * (Math.min(end, horizon) - start) / 3600,
                    stepSec);
            t += rng.nextExponential() * meanGap;
        }
        double toKw = 3600.0 / stepSec;
        for (int i = 0; i < n; i++) {
            kwh[i] *= toKw;
        }
        return kwh;
    }
}
