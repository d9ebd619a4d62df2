package org.gridtwin.sim;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.dispatch.forecast.Forecaster;
import org.gridtwin.model.Durations;
import org.gridtwin.model.DidYouMeanHint;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.SimulationSettings;

/**
 * One simulation to run: a scenario, the period (local dates of the first site's time zone, end exclusive), the
 * step, an optional strategy for every site (else each site's own), and the seed.
 */
public record SimulationRequest(Scenario scenario, LocalDate start, LocalDate end, Duration step, String strategy,
        long seed, Mpc mpc) {

    /**
     * Rolling-horizon options of the {@code mpc} strategy.
     *
     * @param horizon       look-ahead of each plan
     * @param replan        time between plans
     * @param forecast      perfect, persistence, climatology or noisy
     * @param noiseFraction relative error of the noisy forecast a day ahead
     */
    public record Mpc(Duration horizon, Duration replan, Forecaster.Kind forecast, double noiseFraction) {
        public static final Mpc DEFAULT = new Mpc(Duration.ofHours(48), Duration.ofHours(1),
                Forecaster.Kind.PERSISTENCE, 0.2);
    }

    /** The scenario's own defaults. */
    public static SimulationRequest defaults(Scenario scenario) {
        SimulationSettings s = scenario.simulation();
        return new SimulationRequest(scenario, s.start(), s.end(), s.step(), null, s.seed(), Mpc.DEFAULT);
    }

    public SimulationRequest withPeriod(LocalDate newStart, LocalDate newEnd) {
        return new SimulationRequest(scenario, newStart, newEnd, step, strategy, seed, mpc);
    }

    public SimulationRequest withStep(Duration newStep) {
        return new SimulationRequest(scenario, start, end, newStep, strategy, seed, mpc);
    }

    public SimulationRequest withStrategy(String newStrategy) {
        return new SimulationRequest(scenario, start, end, step, newStrategy, seed, mpc);
    }

    public SimulationRequest withSeed(long newSeed) {
        return new SimulationRequest(scenario, start, end, step, strategy, newSeed, mpc);
    }

    public SimulationRequest withMpc(Mpc newMpc) {
        return new SimulationRequest(scenario, start, end, step, strategy, seed, newMpc);
    }

    /** Checks the options a user may set on the command line; all problems at once. */
    public SimulationRequest validated() {
        List<Problem> problems = new ArrayList<>();
        String src = "command line";
        boolean datesOk = true;
        for (String option : new String[] {"--start", "--end"}) {
            LocalDate d = option.equals("--start") ? start : end;
            String problem = SimulationSettings.dateProblem(d);
            if (problem != null) {
                problems.add(new Problem(src, 0, 0, option, d.toString(), problem));
                datesOk = false;
            }
        }
        if (datesOk && !end.isAfter(start)) {
            problems.add(new Problem(src, 0, 0, "--end", end.toString(), "must be after --start (" + start + ")"));
            datesOk = false;
        }
        if (!SimulationSettings.isValidStep(step)) {
            problems.add(new Problem(src, 0, 0, "--step", Durations.format(step),
                    "must be from 1m to 1h and divide an hour, e.g. 1m, 15m, 1h"));
        } else if (datesOk && SimulationSettings.lengthProblem(start, end, step) != null) {
            problems.add(new Problem(src, 0, 0, "--start/--end", start + " to " + end,
                    SimulationSettings.lengthProblem(start, end, step)));
        }
        if (strategy != null && !Strategies.names().contains(strategy)) {
            problems.add(new Problem(src, 0, 0, "--strategy", strategy, "is not a known strategy"
                    + DidYouMeanHint.hint(strategy, Strategies.names()) + " (known: "
                    + String.join(", ", Strategies.names()) + ")"));
        }
        boolean stepOk = SimulationSettings.isValidStep(step);
        if (mpc.horizon().compareTo(Duration.ofDays(28)) > 0) {
            problems.add(new Problem(src, 0, 0, "--horizon", Durations.format(mpc.horizon()),
                    "must be at most 28 days (672h): a plan may span two months, not more"));
        } else if (stepOk && (mpc.horizon().compareTo(step) < 0
                || mpc.horizon().toSeconds() % step.toSeconds() != 0)) {
            problems.add(new Problem(src, 0, 0, "--horizon", Durations.format(mpc.horizon()),
                    "must be a whole number of steps (" + Durations.format(step) + ")"));
        }
        if (stepOk && (mpc.replan().compareTo(step) < 0 || mpc.replan().compareTo(mpc.horizon()) > 0
                || mpc.replan().toSeconds() % step.toSeconds() != 0)) {
            problems.add(new Problem(src, 0, 0, "--replan", Durations.format(mpc.replan()),
                    "must be a whole number of steps and no longer than the horizon"));
        }
        if (!(mpc.noiseFraction() >= 0 && mpc.noiseFraction() <= 2)) {
            problems.add(new Problem(src, 0, 0, "--forecast-error", Double.toString(mpc.noiseFraction()),
                    "must be in [0, 2]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }
}
