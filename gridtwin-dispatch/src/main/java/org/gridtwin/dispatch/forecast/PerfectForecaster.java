package org.gridtwin.dispatch.forecast;

/** The future as it will be: the baseline no real forecast can beat. */
public final class PerfectForecaster implements Forecaster {
    private final double[] renewable;
    private final double[] load;

    public PerfectForecaster(double[] renewableKw, double[] loadKw) {
        this.renewable = renewableKw;
        this.load = loadKw;
    }

    @Override
    public void forecast(int from, int n, double[] renewableKw, double[] loadKw) {
        for (int k = 0; k < n; k++) {
            int t = Math.min(from + k, load.length - 1);
            renewableKw[k] = renewable[t];
            loadKw[k] = load[t];
        }
    }

    @Override
    public String name() {
        return "perfect";
    }
}
