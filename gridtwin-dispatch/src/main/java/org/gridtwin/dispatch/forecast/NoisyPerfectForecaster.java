package org.gridtwin.dispatch.forecast;

import java.util.SplittableRandom;

/**
 * The perfect forecast with a configurable error, to study how forecast quality costs money: each value is
 * multiplied by {@code 1 + σ √min(1, lead / 1 day) ε} with ε standard normal, so errors grow with lead time up to
 * σ at a day ahead (as forecast errors do), and never go below zero. The noise of an issue step is seeded from
 * the run's seed and the step, so runs repeat.
 */
public final class NoisyPerfectForecaster implements Forecaster {
    private final double[] renewable;
    private final double[] load;
    private final int day;
    private final double sigma;
    private final long seed;

    public NoisyPerfectForecaster(double[] renewableKw, double[] loadKw, int stepsPerDay, double sigma, long seed) {
        this.renewable = renewableKw;
        this.load = loadKw;
        this.day = stepsPerDay;
        this.sigma = sigma;
        this.seed = seed;
    }

    @Override
    public void forecast(int from, int n, double[] renewableKw, double[] loadKw) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + from);
        for (int k = 0; k < n; k++) {
            int t = Math.min(from + k, load.length - 1);
            double scale = k == 0 ? 0 : sigma * Math.sqrt(Math.min(1.0, (double) k / day));
            renewableKw[k] = Math.max(0, renewable[t] * (1 + scale * rng.nextGaussian()));
            loadKw[k] = load[t] * (1 + scale * rng.nextGaussian());
        }
    }

    @Override
    public String name() {
        return "noisy (" + sigma + ")";
    }
}
