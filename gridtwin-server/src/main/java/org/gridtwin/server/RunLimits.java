package org.gridtwin.server;

import java.util.Locale;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.sim.SimulationRequest;

/**
 * What one run may cost before the server accepts it (docs/api.md, "Runs"): a run works on the server's cores and
 * heap beside the live control loop, so it is priced before it is queued, not discovered when the heap is full.
 *
 * @param maxSiteSteps most steps × sites × strategies a run may ask for
 * @param heapBytes    heap a run may fill: the steps of one strategy's sites at {@link #BYTES_PER_SITE_STEP}
 */
public record RunLimits(long maxSiteSteps, long heapBytes) {
    /**
     * Heap one site-step holds while a run works (series, results, report), with margin: the ningbo year at 1-minute
     * steps (1.58 million site-steps) ran in a 224 MB heap and not in 160 MB, ~140 B a site-step.
     */
    static final long BYTES_PER_SITE_STEP = 200;
    /**
     * Default: a year of three sites at 1-minute steps (1.58 million) or a comparison of all seven strategies at
     * 15-minute steps (0.74 million) fit; a comparison at 1-minute steps (11 million) does not.
     */
    static final long DEFAULT_MAX_SITE_STEPS = 5_000_000;

    /** The default cost limit; half the JVM's heap for one run (the rest is the live fleet's). */
    public static RunLimits defaults() {
        return new RunLimits(DEFAULT_MAX_SITE_STEPS, Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * @param strategies how many strategies the run simulates (a comparison runs them one after another)
     * @throws InvalidInputException naming the limit when the run costs more
     */
    void check(SimulationRequest request, int sites, int strategies) {
        long steps = (request.end().toEpochDay() - request.start().toEpochDay()) * 86_400 / request.step().toSeconds();
        long cost = steps * sites * Math.max(1, strategies);
        if (cost > maxSiteSteps) {
            throw InvalidInputException.of("request body", "start/end/step", request.start() + " to " + request.end()
                    + " at " + org.gridtwin.model.Durations.format(request.step()), String.format(Locale.ROOT,
                    "asks for %,d steps × %d sites × %d strategies = %,d site-steps; a run may have at most %,d here"
                            + " (serve --max-run-steps); shorten the period, coarsen the step or compare fewer "
                            + "strategies", steps, sites, Math.max(1, strategies), cost, maxSiteSteps));
        }
        long bytes = steps * sites * BYTES_PER_SITE_STEP;
        if (bytes > heapBytes) {
            throw InvalidInputException.of("request body", "start/end/step", request.start() + " to " + request.end()
                    + " at " + org.gridtwin.model.Durations.format(request.step()), String.format(Locale.ROOT,
                    "needs about %,d MB of memory and a run may use %,d MB here (half the server's heap); shorten "
                            + "the period, coarsen the step, or start serve with more memory (GRIDTWIN_JAVA_OPTS="
                            + "-Xmx8g)", bytes >> 20, heapBytes >> 20));
        }
    }
}
