package org.gridtwin.dispatch.forecast;

/**
 * Climatology: each future step is the mean of the same time of day over the last {@code days} observed days,
 * which smooths out single cloudy or windy days. Before any history exists, the issue step's value is held.
 */
public final class ClimatologyForecaster implements Forecaster {
    private final double[] renewable;
    private final double[] load;
    private final int day;
    private final int days;

    public ClimatologyForecaster(double[] renewableKw, double[] loadKw, int stepsPerDay, int days) {
        this.renewable = renewableKw;
        this.load = loadKw;
        this.day = stepsPerDay;
        this.days = days;
    }

    @Override
    public void forecast(int from, int n, double[] renewableKw, double[] loadKw) {
        for (int k = 0; k < n; k++) {
            if (k == 0) {
                renewableKw[k] = renewable[from];
                loadKw[k] = load[from];
                continue;
            }
            double r = 0;
            double l = 0;
            int count = 0;
            // same time of day, on each of the previous `days` days that are already observed
            for (int d = (k + day - 1) / day; count < days; d++) {
                int t = from + k - d * day;
                if (t < 0) {
                    break;
                }
                if (t <= from) {
                    r += renewable[t];
                    l += load[t];
                    count++;
                }
            }
            renewableKw[k] = count > 0 ? r / count : renewable[from];
            loadKw[k] = count > 0 ? l / count : load[from];
        }
    }

    @Override
    public String name() {
        return "climatology";
    }
}
