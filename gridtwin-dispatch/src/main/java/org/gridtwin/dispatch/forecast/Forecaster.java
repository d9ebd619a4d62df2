package org.gridtwin.dispatch.forecast;

/**
 * Forecasts of available renewable power and demand, issued at a step for the steps that follow. A forecaster may
 * only use what is observed up to the issue step, except the perfect one, which is the baseline for the others.
 */
public interface Forecaster {

    /**
     * Fills {@code renewableKw} and {@code loadKw} for steps {@code from .. from + n − 1}, as known at step
     * {@code from} (whose own values are observed).
     */
    void forecast(int from, int n, double[] renewableKw, double[] loadKw);

    String name();

    /** The kinds users choose with {@code --forecast}. */
    enum Kind {
        PERFECT("perfect"), PERSISTENCE("persistence"), CLIMATOLOGY("climatology"), NOISY("noisy");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Kind fromKey(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * A forecaster over the observed series of a run.
     *
     * @param stepsPerDay   steps in a day (for persistence and climatology)
     * @param noiseFraction relative error of the noisy forecast at a lead of one day
     * @param seed          seed of the noisy forecast
     */
    static Forecaster of(Kind kind, double[] renewableKw, double[] loadKw, int stepsPerDay, double noiseFraction,
            long seed) {
        return switch (kind) {
            case PERFECT -> new PerfectForecaster(renewableKw, loadKw);
            case PERSISTENCE -> new PersistenceForecaster(renewableKw, loadKw, stepsPerDay);
            case CLIMATOLOGY -> new ClimatologyForecaster(renewableKw, loadKw, stepsPerDay, 14);
            case NOISY -> new NoisyPerfectForecaster(renewableKw, loadKw, stepsPerDay, noiseFraction, seed);
        };
    }
}
