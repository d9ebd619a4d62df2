package org.gridtwin.cli;

import java.time.Duration;
import org.gridtwin.dispatch.forecast.Forecaster;
import org.gridtwin.model.Durations;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.sim.SimulationRequest;
import picocli.CommandLine.Option;

/** The rolling-horizon options shared by {@code simulate} and {@code compare}. */
final class MpcOptions {
    @Option(names = "--horizon", paramLabel = "DURATION", description = "mpc look-ahead (default 48h)")
    String horizon;

    @Option(names = "--replan", paramLabel = "DURATION", description = "mpc re-plan interval (default 1h)")
    String replan;

    @Option(names = "--forecast", paramLabel = "KIND", description = "mpc forecast: perfect, persistence "
            + "(default), climatology, noisy")
    String forecast;

    @Option(names = "--forecast-error", paramLabel = "FRACTION", description = "relative error of the noisy "
            + "forecast a day ahead (default 0.2)")
    Double forecastError;

    SimulationRequest.Mpc toRequest(SimulationRequest.Mpc defaults) {
        Duration h = horizon == null ? defaults.horizon() : duration("--horizon", horizon);
        Duration r = replan == null ? defaults.replan() : duration("--replan", replan);
        Forecaster.Kind kind = defaults.forecast();
        if (forecast != null) {
            kind = Forecaster.Kind.fromKey(forecast);
            if (kind == null) {
                throw InvalidInputException.of("command line", "--forecast", forecast,
                        "is not a forecast kind (perfect, persistence, climatology, noisy)");
            }
        }
        return new SimulationRequest.Mpc(h, r, kind, forecastError == null ? defaults.noiseFraction()
                : forecastError);
    }

    private static Duration duration(String option, String text) {
        Duration d = Durations.parse(text);
        if (d == null || d.isNegative() || d.isZero()) {
            throw InvalidInputException.of("command line", option, text, "must be a duration such as 15m, 1h, 48h");
        }
        return d;
    }
}
