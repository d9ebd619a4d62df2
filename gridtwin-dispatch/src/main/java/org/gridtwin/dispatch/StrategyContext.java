package org.gridtwin.dispatch;

import org.gridtwin.dispatch.forecast.Forecaster;
import org.gridtwin.dispatch.lp.LpSolver;
import org.gridtwin.dispatch.lp.SiteLpInputs;

/**
 * What the optimising strategies need beyond a step's state: the site's LP inputs over the whole run (prices,
 * limits, battery, costs, and the actual renewable and load series that the perfect forecast reveals and the
 * other forecasters observe step by step), the time axis, the solver and the MPC settings.
 *
 * @param period           the site's LP inputs over the whole run
 * @param startEpochSecond start of the run's first step
 * @param stepSeconds      step length
 * @param solver           the LP solver
 * @param mpc              rolling-horizon settings
 */
public record StrategyContext(SiteLpInputs period, long startEpochSecond, int stepSeconds, LpSolver solver,
        MpcSettings mpc) {

    /** The step index of an instant inside the run. */
    public int index(long epochSecond) {
        return (int) ((epochSecond - startEpochSecond) / stepSeconds);
    }

    /**
     * Rolling-horizon settings.
     *
     * @param horizonSteps  steps each plan looks ahead
     * @param replanSteps   steps between two plans
     * @param forecast      forecast kind
     * @param noiseFraction relative error of the noisy forecast a day ahead
     * @param seed          seed of the noisy forecast
     * @param timeLimitSeconds solver time limit per plan
     */
    public record MpcSettings(int horizonSteps, int replanSteps, Forecaster.Kind forecast, double noiseFraction,
            long seed, double timeLimitSeconds) {
    }
}
