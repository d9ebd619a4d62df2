package org.gridtwin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.DidYouMeanHint;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", description = "Runs several strategies on the same trace and writes compare.csv and "
        + "compare.html (each figure as %% of the optimal-foresight baseline, which is always run).")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "scenario file or built-in name")
    String scenario;

    @picocli.CommandLine.Mixin
    PeriodOptions period = new PeriodOptions();

    @Option(names = "--strategies", split = ",", paramLabel = "A,B,C", description = "strategies to compare "
            + "(default: all)")
    List<String> strategies;





    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out")
    Path out;

    @Mixin
    MpcOptions mpc = new MpcOptions();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario sc = ScenarioArgument.load(scenario);
        SimulationRequest request = period.applyTo(SimulationRequest.defaults(sc));
        request = request.withMpc(mpc.toRequest(request.mpc()));
        List<String> names = strategies == null ? Strategies.names() : strategies;
        for (String n : names) {
            if (!Strategies.names().contains(n)) {
                throw InvalidInputException.of("command line", "--strategies", n, "is not a known strategy"
                        + DidYouMeanHint.hint(n, Strategies.names()) + " (known: "
                        + String.join(", ", Strategies.names()) + ")");
            }
        }
        OutputFolder.prepare(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        List<Comparison.Entry> entries = Comparison.run(Simulation.withSystemTimer(), request, names, done -> { });
        Comparison.Entry baseline = entries.get(0);
        o.print(Comparison.table(entries, baseline));
        Comparison.writeCsv(entries, baseline, out.resolve("compare.csv"));
        Comparison.writeHtml(sc.name(), entries, baseline, out.resolve("compare.html"));
        o.println("Wrote " + out.resolve("compare.csv") + ", " + out.resolve("compare.html"));
        return GridTwin.OK;
    }
}
