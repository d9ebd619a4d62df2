package org.gridtwin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridtwin.model.Durations;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.report.ResilienceReport;
import org.gridtwin.sim.resilience.OutageSurvival;
import org.gridtwin.sim.resilience.ResilienceAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "resilience", description = "For a grid outage of every length up to --max-hours starting at every "
        + "hour of the year, whether the island carries the critical, priority and all load; writes survival.csv, "
        + "worst_starts.csv, resilience.json and resilience.html (docs/resilience.md).")
final class ResilienceCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "scenario file or built-in name")
    String scenario;

    @Option(names = "--site", paramLabel = "ID", description = "analyse one site (default: every site)")
    String site;

    @Option(names = "--max-hours", paramLabel = "H", defaultValue = "72", description = "longest outage, hours "
            + "(default: 72)")
    int maxHours;

    @Option(names = "--start-every", paramLabel = "STEP", defaultValue = "1h", description = "time between outage "
            + "starts, whole hours (default: 1h)")
    String startEvery;

    @Option(names = "--strategy", paramLabel = "NAME", description = "dispatch strategy of the normal year "
            + "(default: each site's own)")
    String strategy;

    @Mixin
    PeriodOptions period = new PeriodOptions();

    @Mixin
    MpcOptions mpc = new MpcOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "output folder (default: out)")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario sc = ScenarioArgument.load(scenario);
        SimulationRequest request = period.applyTo(SimulationRequest.defaults(sc));
        request = request.withMpc(mpc.toRequest(request.mpc()));
        if (strategy != null) {
            request = request.withStrategy(strategy);
        }
        Duration every = Durations.parse(startEvery);
        if (every == null || every.toSeconds() % 3600 != 0 || every.isZero()) {
            throw InvalidInputException.of("command line", "--start-every", startEvery,
                    "must be a whole number of hours, e.g. 1h, 6h");
        }
        OutputFolder.prepare(out, "--out");
        List<OutageSurvival> result = ResilienceAnalysis.run(Simulation.withSystemTimer(), request, site, maxHours,
                (int) every.toHours());
        PrintWriter o = spec.commandLine().getOut();
        o.print(ResilienceReport.table(result));
        List<Path> files = ResilienceReport.write(sc.name(), result, out);
        o.println("Wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
        return GridTwin.OK;
    }
}
