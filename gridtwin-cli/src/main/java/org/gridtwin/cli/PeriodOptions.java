package org.gridtwin.cli;

import java.time.Duration;
import java.time.LocalDate;
import org.gridtwin.model.Durations;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.sim.SimulationRequest;
import picocli.CommandLine.Option;

/** The period, step and seed options shared by the commands that simulate; unset ones keep the scenario's. */
final class PeriodOptions {
    @Option(names = "--start", paramLabel = "ISO-DATE", description = "first day (default: the scenario's)")
    LocalDate start;

    @Option(names = "--end", paramLabel = "ISO-DATE", description = "first day not simulated (default: the "
            + "scenario's)")
    LocalDate end;

    @Option(names = "--step", paramLabel = "STEP", description = "time step: 1m to 1h, e.g. 1m, 15m, 1h")
    String step;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: the scenario's)")
    Long seed;

    SimulationRequest applyTo(SimulationRequest request) {
        SimulationRequest r = request;
        if (start != null || end != null) {
            r = r.withPeriod(start != null ? start : r.start(), end != null ? end : r.end());
        }
        if (step != null) {
            Duration d = Durations.parse(step);
            if (d == null) {
                throw InvalidInputException.of("command line", "--step", step, "must be a step such as 1m, 15m, 1h");
            }
            r = r.withStep(d);
        }
        if (seed != null) {
            r = r.withSeed(seed);
        }
        return r;
    }
}
