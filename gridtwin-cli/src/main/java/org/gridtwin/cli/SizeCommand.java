package org.gridtwin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.dispatch.optimal.ModelPredictive;
import org.gridtwin.dispatch.optimal.OptimalForesight;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.model.yaml.ScenarioPatch;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.economics.CashFlowCsv;
import org.gridtwin.sim.economics.ProjectEconomics;
import org.gridtwin.sim.report.PlanningReport;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.sim.sizing.BoundsSearch;
import org.gridtwin.sim.sizing.SearchSpace;
import org.gridtwin.sim.sizing.SearchSpaceReader;
import org.gridtwin.sim.sizing.Sensitivity;
import org.gridtwin.sim.sizing.SensitivityCsv;
import org.gridtwin.sim.sizing.Sizing;
import org.gridtwin.sim.sizing.SizingCsv;
import org.gridtwin.sim.sizing.SizingOptimiser;
import org.gridtwin.sim.sizing.SizingRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "size", description = "Sizes one site: every configuration of a search space, or an optimiser "
        + "over bounds; writes sizing.csv (ranked by net present cost, with the cost/CO2 Pareto front), rank 1's "
        + "cashflows.csv, report.html, and sensitivity.csv when the search file varies inputs (docs/planning.md).")
final class SizeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "scenario YAML file or built-in name (default: ningbo)")
    String scenario;

    @Option(names = "--site", paramLabel = "ID", description = "site to size (default: the first)")
    String siteId;

    @Option(names = "--search", paramLabel = "FILE", description = "search YAML: lists of sizes, or 'bounds:' "
            + "for the optimiser (default: lists around the site's sizes)")
    Path search;

    @Option(names = "--strategy", paramLabel = "NAME", description = "dispatch of every configuration: a rule "
            + "strategy or optimal-foresight (default: the site's; optimal-foresight for a site that runs mpc)")
    String strategy;

    @Option(names = "--start", paramLabel = "ISO-DATE", description = "first day of the simulated year "
            + "(default: the scenario's); sizing always runs hourly")
    LocalDate start;

    @Option(names = "--end", paramLabel = "ISO-DATE", description = "first day not simulated (default: the "
            + "scenario's)")
    LocalDate end;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "output folder (default: "
            + "out)")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScenarioArgument.Source source = ScenarioArgument.source(scenario);
        Scenario sc = source.read();
        Site site = siteId == null ? sc.sites().get(0) : sc.site(siteId).orElseThrow(() -> InvalidInputException.of(
                "command line", "--site", siteId, "is not a site of " + sc.name() + " (sites: " + String.join(", ",
                        sc.sites().stream().map(Site::id).toList()) + ")"
                        + org.gridtwin.model.DidYouMeanHint.hint(siteId, sc.sites().stream().map(Site::id).toList())));
        String rule = strategy != null ? strategy : site.dispatch().strategy();
        if (ModelPredictive.NAME.equals(rule)) {
            // thousands of configurations, each a year of re-plans: too slow; the foresight plan is its bound
            if (strategy != null) {
                throw InvalidInputException.of("command line", "--strategy", strategy,
                        "re-plans every hour of every configuration; size with optimal-foresight or a rule strategy");
            }
            rule = OptimalForesight.NAME;
        } else if (!Strategies.names().contains(rule)) {
            throw InvalidInputException.of("command line", "--strategy", rule, "is not a known strategy");
        }
        SearchSpaceReader.Plan plan = search == null ? new SearchSpaceReader.Plan(SearchSpaceReader.around(site), null)
                : SearchSpaceReader.plan(search, site, source.text());
        checkCases(source, plan, site.id());
        SimulationRequest request = SimulationRequest.defaults(sc);
        if (start != null || end != null) {
            request = request.withPeriod(start != null ? start : request.start(), end != null ? end : request.end());
        }
        request = request.withStep(Duration.ofHours(1)).validated();
        TimeGrid grid = TimeGrid.ofDates(request.start(), request.end(), Duration.ofHours(1), site.timeZone());
        long seed = request.seed();
        SiteInputs base = SiteInputsBuilder.build(site, grid, seed);
        SearchSpace space = plan.space();
        BoundsSearch bounds = plan.bounds();
        int perSearch = space != null ? space.configs().size() : bounds.maxConfigurations();
        int caseCount = plan.sensitivity().stream().mapToInt(p -> p.values().size()).sum();
        long total = (long) perSearch * (1 + caseCount);
        OutputFolder.prepare(out, "--out");
        List<SizingRow> rows;
        List<Sensitivity.Case> cases;
        long t0 = System.nanoTime();
        double seconds;
        boolean bar = System.console() != null;
        final String dispatch = rule;
        // one bar over the base search and every sensitivity case; its ETA covers the whole run
        try (ProgressBar pb = bar ? new ProgressBarBuilder().setTaskName(caseCount > 0 ? "Sizing + sensitivity"
                : "Sizing").setInitialMax(total).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
                : null) {
            AtomicLong searchesDone = new AtomicLong();
            IntConsumer progress = done -> {
                if (pb != null) {
                    pb.stepTo(searchesDone.get() * perSearch + Math.min(done, perSearch));
                }
            };
            rows = search(base, plan, sc, dispatch, progress);
            seconds = (System.nanoTime() - t0) / 1e9;
            SizingCsv.write(rows, out.resolve("sizing.csv"));
            searchesDone.incrementAndGet();
            cases = sensitivity(source, plan, site.id(), grid, seed, dispatch, progress, searchesDone);
            if (pb != null) {
                pb.stepTo(total); // a local search may stop before its budget
            }
        }
        if (!cases.isEmpty()) {
            SensitivityCsv.write(cases, out.resolve("sensitivity.csv"));
        }
        Sizing.Evaluator evaluator = new Sizing.Evaluator(base, space != null ? space : bounds.constraints(),
                sc.economics(), rule);
        SizingRow best = rows.stream().filter(r -> r.rank() == 1).findFirst().orElse(null);
        ProjectEconomics.Result bestEconomics = best == null ? null : evaluator.economics(best.config());
        if (bestEconomics != null) {
            CashFlowCsv.write(bestEconomics.costFlowsYuan(), evaluator.baselineFlowsYuan(),
                    sc.economics().realDiscountRate(), out.resolve("cashflows.csv"));
        }
        PlanningReport.write(sc.name() + " / " + site.id(), (space != null ? "exhaustive search" : "optimiser over "
                + "bounds") + ", " + rule + " dispatch", sc.economics(), rows,
                bestEconomics, evaluator.baselineFlowsYuan(), cases,
                out.resolve("report.html"));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "Sized %s: %d configurations %s in %.1f s (%s dispatch, %d-year project at %.1f %%)%n",
                site.id(), rows.size(), space != null ? "(exhaustive)" : "(optimiser)", seconds, rule,
                sc.economics().projectYears(), sc.economics().realDiscountRate() * 100);
        rows.stream().filter(SizingRow::feasible).sorted(Comparator.comparingInt(SizingRow::rank)).limit(5)
                .forEach(r -> o.printf(Locale.ROOT, "  #%d PV %.0f kW, %s, %d turbines: "
                        + "NPC %,.0f yuan, LCOE %.3f yuan/kWh, RF %.1f %%%s%n", r.rank(), r.config().pvKw(),
                        r.config().batteryKwh() > 0 ? String.format(Locale.ROOT, "battery %.0f kWh / %.0f kW",
                                r.config().batteryKwh(), r.config().batteryKw()) : "no battery",
                        r.config().turbines(), r.npcYuan(), r.lcoeYuanPerKwh(), r.renewableFraction() * 100,
                        r.pareto() ? " (Pareto)" : ""));
        if (best != null) {
            List<String> edges = upperEdges(best.config(), plan);
            if (!edges.isEmpty()) {
                o.println("Note: rank 1 sits at the top of the searched " + String.join(", ", edges)
                        + "; the optimum may lie beyond: widen the search there.");
            }
        }
        if (!cases.isEmpty()) {
            o.printf(Locale.ROOT, "Sensitivity: %d cases, written to %s%n", cases.size(),
                    out.resolve("sensitivity.csv"));
        }
        o.println("Wrote " + out.resolve("sizing.csv") + (best != null ? ", " + out.resolve("cashflows.csv") : "")
                + " and " + out.resolve("report.html"));
        return GridTwin.OK;
    }

    /** The sizes whose searched maximum rank 1 uses, where the search could not look further. */
    static List<String> upperEdges(SearchSpace.Config c, SearchSpaceReader.Plan plan) {
        List<String> edges = new ArrayList<>();
        SearchSpace s = plan.space();
        BoundsSearch b = plan.bounds();
        double[][] ranges = s != null ? new double[][] {range(s.pvKw()), range(s.batteryKwh()), range(s.batteryKw()),
            range(s.turbines().stream().map(Integer::doubleValue).toList()), range(s.gridLimitKw())}
                : new double[][] {b.pvKw(), b.batteryKwh(), b.batteryKw(), {b.turbinesMin(), b.turbinesMax()},
                    b.gridLimitKw()};
        double[] value = {c.pvKw(), c.batteryKwh(), c.batteryKw(), c.turbines(), c.gridLimitKw()};
        String[] name = {"PV sizes", "battery energies", "battery powers", "turbine counts", "grid limits"};
        for (int i = 0; i < value.length; i++) {
            boolean varied = ranges[i][1] > ranges[i][0];
            boolean batteryPowerOfNoBattery = i == 2 && c.batteryKwh() <= 0;
            // the optimiser rounds sizes to whole kW / kWh: within 1 of the bound counts as on it
            double slack = s == null && i != 3 ? 1 : 0;
            if (varied && !batteryPowerOfNoBattery && value[i] >= ranges[i][1] - slack) {
                edges.add(name[i]);
            }
        }
        return edges;
    }

    private static double[] range(List<Double> values) {
        return new double[] {values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
            values.stream().mapToDouble(Double::doubleValue).max().orElse(0)};
    }

    private static List<SizingRow> search(SiteInputs base, SearchSpaceReader.Plan plan, Scenario sc, String rule,
            IntConsumer progress) {
        return plan.space() != null ? Sizing.run(base, plan.space(), sc.economics(), rule, progress)
                : SizingOptimiser.run(base, plan.bounds(), sc.economics(), rule, progress);
    }

    /**
     * Reads every sensitivity case's scenario before anything runs, so a value the scenario rejects is reported
     * against the search file, where it was written, and no output is half made.
     */
    private void checkCases(ScenarioArgument.Source source, SearchSpaceReader.Plan plan, String site) {
        List<Problem> problems = new ArrayList<>();
        for (Sensitivity.Parameter p : plan.sensitivity()) {
            for (double v : p.values()) {
                try {
                    Scenario varied = new ScenarioArgument.Source(
                            ScenarioPatch.set(source.text(), p.path(), v), source.label(),
                            source.baseDir()).read();
                    if (varied.site(site).isEmpty()) {
                        throw InvalidInputException.of(source.label(), "sites", site, "is gone");
                    }
                } catch (InvalidInputException e) {
                    for (Problem q : e.problems()) {
                        problems.add(new Problem(search.toString(), 0, 0, "sensitivity." + p.path(),
                                String.valueOf(v), "is rejected by the scenario: " + q.path() + " " + q.rule()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Each case re-reads the patched scenario (so its rules apply) and rebuilds the site's weather and series. */
    private static List<Sensitivity.Case> sensitivity(ScenarioArgument.Source source, SearchSpaceReader.Plan plan,
            String siteId, TimeGrid grid, long seed, String rule, IntConsumer progress,
            AtomicLong searchesDone) {
        return Sensitivity.run(source.text(), plan.sensitivity(), (text, label) -> {
            Scenario varied = new ScenarioArgument.Source(text, source.label() + " with " + label,
                    source.baseDir()).read();
            Site site = varied.site(siteId).orElseThrow();
            List<SizingRow> rows = search(SiteInputsBuilder.build(site, grid, seed), plan, varied, rule, progress);
            searchesDone.incrementAndGet();
            return rows;
        });
    }
}
