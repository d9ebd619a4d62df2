package org.gridtwin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.gridtwin.model.Durations;
import org.gridtwin.model.Scenario;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.ReportedComparison;
import org.gridtwin.sim.kpi.SimulationKpis;
import org.gridtwin.sim.report.RunOutputs;
import org.gridtwin.sim.report.TimeseriesWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = "Simulates a scenario and writes summary.json, timeseries.csv and "
        + "report.html.")
final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "scenario YAML file or built-in name (default: ningbo)")
    String scenario;

    @picocli.CommandLine.Mixin
    PeriodOptions period = new PeriodOptions();




    @Option(names = "--strategy", paramLabel = "NAME", description = "dispatch strategy for every site: "
            + "self-consumption, peak-shaving, tou-arbitrage, cycle-charging, optimal-foresight, mpc "
            + "(default: each site's own)")
    String strategy;

    @picocli.CommandLine.Mixin
    MpcOptions mpc = new MpcOptions();

    @Option(names = "--export-lp", paramLabel = "FILE.mps", description = "write each site's whole-run dispatch LP "
            + "in free MPS (one file per site: FILE-<site>.mps)")
    Path exportLp;


    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "output folder (default: out)")
    Path out;

    /** The step-by-step output: the CSV contract, a compact columnar file, or nothing. */
    enum SeriesFormat {
        csv, parquet, none
    }

    @Option(names = "--timeseries", paramLabel = "FORMAT", defaultValue = "csv", description = "step-by-step "
            + "output: csv (timeseries.csv), parquet (timeseries.parquet: the same columns, a few MB for a year at "
            + "1m) or none (default: csv)")
    SeriesFormat series;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Scenario sc = ScenarioArgument.load(scenario);
        SimulationRequest request = period.applyTo(SimulationRequest.defaults(sc));
        if (strategy != null) {
            request = request.withStrategy(strategy);
        }
        request = request.withMpc(mpc.toRequest(request.mpc()));
        request.validated();
        OutputFolder.prepare(out, "--out");
        PrintWriter o = spec.commandLine().getOut();
        SimulationResult result;
        SimulationKpis kpis;
        List<Path> written;
        // a bar only on a terminal; pipes and CI logs stay quiet
        boolean bar = System.console() != null;
        int sites = sc.sites().size();
        try (ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName("Simulating").setInitialMax(sites + 3)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
            result = Simulation.withSystemTimer().run(request, i -> step(pb));
            kpis = SimulationKpis.of(result);
            written = RunOutputs.write(result, kpis, out, writer(), () -> step(pb));
        }
        printSummary(o, result, kpis);
        if (exportLp != null) {
            for (Path lp : LpExport.write(result, exportLp)) {
                o.println("Wrote " + lp);
            }
        }
        o.println("Wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return GridTwin.OK;
    }

    private TimeseriesWriter writer() {
        return switch (series) {
            case csv -> TimeseriesWriter.CSV;
            case parquet -> new TimeseriesParquet();
            case none -> TimeseriesWriter.NONE;
        };
    }

    private static void step(ProgressBar pb) {
        if (pb != null) {
            pb.step();
        }
    }

    static void printSummary(PrintWriter o, SimulationResult r, SimulationKpis kpis) {
        o.printf(Locale.ROOT, "Scenario %s, %s to %s (%s), step %s, %d steps, engine %.2f s%n",
                r.request().scenario().name(), r.request().start(), r.request().end(), r.grid().zone(),
                Durations.format(Duration.ofSeconds(r.grid().stepSeconds())), r.grid().steps(), r.engineSeconds());
        // "bill" is what the imports cost at the tariff; "total cost" is compare's figure (docs/kpis.md)
        String fmt = "%-22s %-16s %9s %9s %9s %9s %9s %6s %12s %12s %10s%n";
        o.printf(Locale.ROOT, fmt, "site", "strategy", "wind MWh", "PV MWh", "load MWh", "imp MWh", "exp MWh",
                "RF %", "bill yuan", "total yuan", "CO2 av. t");
        for (int i = 0; i < r.sites().size(); i++) {
            SiteResult s = r.sites().get(i);
            row(o, fmt, s.siteId(), s.strategy(), kpis.sites().get(i));
        }
        row(o, fmt, "fleet", "", kpis.fleet());
        for (SiteResult s : r.sites()) {
            if (s.optimiser() != null) {
                o.printf(Locale.ROOT, "  %s: %d plan(s), %.2f s in the solver (%s)%s%n", s.siteId(),
                        s.optimiser().plans(), s.optimiser().solveSeconds(), s.optimiser().solver(),
                        s.optimiser().fallbacks() == 0 ? ""
                                : "; " + s.optimiser().fallbacks() + " failed: " + s.optimiser().message());
            }
        }
        for (int i = 0; i < r.sites().size(); i++) {
            org.gridtwin.sim.kpi.ResilienceKpi x = kpis.sites().get(i).resilience();
            if (x.gridOutageHours() > 0 || x.reserveCostYuan() != 0) {
                o.printf(Locale.ROOT, "  %s: %.1f h without grid, %.1f h islanded, %.1f h dark, %d tier(s) shed; "
                        + "unserved critical %.1f, priority %.1f, sheddable %.1f kWh; reserve cost %,.0f yuan%n",
                        r.sites().get(i).siteId(), x.gridOutageHours(), x.islandedHours(), x.darkHours(),
                        x.shedEvents(), x.unmetCriticalKwh(), x.unmetPriorityKwh(), x.unmetSheddableKwh(),
                        x.reserveCostYuan());
            }
        }
        o.println("bill = imports at the tariff; total = bill - export revenue + demand charge + battery wear + "
                + "carbon cost (as compare); CO2 av. = CO2 avoided by the green generation");
        if (!kpis.reported().isEmpty()) {
            o.println("Reported / simulated:");
            for (ReportedComparison.Row row : kpis.reported()) {
                int decimals = row.figure().value() < 100 ? 1 : 0;
                String num = "%,14." + decimals + "f";
                o.printf(Locale.ROOT, "  %-84s " + num + " / " + num + " %s%n", row.figure().label(),
                        row.figure().value(), row.simulated(), row.figure().unit());
            }
        }
    }

    private static void row(PrintWriter o, String fmt, String id, String strategy, Kpi k) {
        o.printf(Locale.ROOT, fmt, id, strategy, mwh(k.windKwh()), mwh(k.pvKwh()), mwh(k.loadKwh()),
                mwh(k.gridImportKwh()), mwh(k.gridExportKwh()),
                String.format(Locale.ROOT, "%.1f", k.renewableFraction() * 100),
                String.format(Locale.ROOT, "%,.0f", k.energyCostYuan()),
                String.format(Locale.ROOT, "%,.0f", k.totalCostYuan()),
                String.format(Locale.ROOT, "%,.0f", k.co2AvoidedT()));
    }

    private static String mwh(double kwh) {
        return String.format(Locale.ROOT, "%,.0f", kwh / 1000);
    }
}
