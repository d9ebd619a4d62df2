package org.gridtwin.dispatch.forecast;

/**
 * Day-ahead persistence: each future step repeats the observed value one day (or a whole number of days) earlier,
 * the usual baseline for solar and load with their daily cycle. Before a day of history exists, the value observed
 * at the issue step is held.
 */
public final class PersistenceForecaster implements Forecaster {
    private final double[] renewable;
    private final double[] load;
    private final int day;

    public PersistenceForecaster(double[] renewableKw, double[] loadKw, int stepsPerDay) {
        this.renewable = renewableKw;
        this.load = loadKw;
        this.day = stepsPerDay;
    }

    @Override
    public void forecast(int from, int n, double[] renewableKw, double[] loadKw) {
        for (int k = 0; k < n; k++) {
            int lead = k;
            int days = lead / day + 1;
            int t = from + k - days * day;
            if (k == 0) {
                t = from; // the issue step itself is observed
            } else if (t < 0) {
                t = from;
            }
            renewableKw[k] = renewable[t];
            loadKw[k] = load[t];
        }
    }

    @Override
    public String name() {
        return "persistence";
    }
}
