package org.gridtwin.sim.sizing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.dispatch.StrategyContext;
import org.gridtwin.dispatch.lp.LpSolver;
import org.gridtwin.dispatch.lp.OrToolsLpSolver;
import org.gridtwin.dispatch.optimal.PlanningStrategy;
import org.gridtwin.dispatch.rules.SelfConsumption;
import org.gridtwin.model.Battery;
import org.gridtwin.model.Economics;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.WindFarm;
import org.gridtwin.sim.Engine;
import org.gridtwin.sim.LpInputsFactory;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.economics.Component;
import org.gridtwin.sim.economics.ProjectEconomics;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.KpiCalculator;

/**
 * Exhaustive sizing of one site: every configuration of a {@link SearchSpace} simulated with a rule strategy or
 * {@code optimal-foresight} and costed over the project life against a grid-only baseline; ranked by net present
 * cost, with the Pareto front of cost against CO2.
 *
 * <p>Weather, sun and loads are computed once: PV and wind series scale with capacity (PV with its inverter, so the
 * clipping ratio is kept), so a configuration costs one dispatch loop and its KPIs. All sized assets count as new
 * investments. Runs in parallel on all cores; the result does not depend on their number.
 */
public final class Sizing {
    /** The LP solver of configurations the storage dynamic program cannot solve (thread-safe: no state). */
    private static final LpSolver SOLVER = new OrToolsLpSolver();

    private Sizing() {
    }

    /**
     * @param base      the site's inputs as simulated at its scenario sizes
     * @param progress  told the number of configurations done, from any thread
     */
    public static List<SizingRow> run(SiteInputs base, SearchSpace space, Economics economics, String strategy,
            IntConsumer progress) {
        Evaluator evaluator = new Evaluator(base, space, economics, strategy);
        List<SearchSpace.Config> configs = space.configs();
        AtomicInteger done = new AtomicInteger();
        SizingRow[] rows = new SizingRow[configs.size()];
        IntStream.range(0, configs.size()).parallel().forEach(k -> {
            rows[k] = evaluator.evaluate(configs.get(k));
            progress.accept(done.incrementAndGet());
        });
        return rankAndFront(Arrays.asList(rows));
    }

    /**
     * Costs single configurations of one site against its grid-only baseline, which is simulated once on
     * construction. Thread-safe: {@link #evaluate} reads only the shared inputs.
     */
    public static final class Evaluator {
        private final SiteInputs base;
        private final SearchSpace space;
        private final Economics economics;
        private final String strategy;
        private final double pvDc;
        private final int turbineCount;
        private final double years;
        private final double[] baselineFlows;

        /** @param space supplies the constraints; its lists are not used */
        public Evaluator(SiteInputs base, SearchSpace space, Economics economics, String strategy) {
            this.base = base;
            this.space = space;
            this.economics = economics;
            this.strategy = strategy;
            this.pvDc = base.site().pv().stream().mapToDouble(PvArray::capacityKwDc).sum();
            this.turbineCount = base.site().wind().stream().mapToInt(WindFarm::count).sum();
            this.years = base.grid().steps() * base.grid().stepHours() / 24 / 365.25;
            this.baselineFlows = baselineFlows(base, economics, years);
        }

        /** One dispatch year and the project's costs for {@code c}; not ranked. */
        public SizingRow evaluate(SearchSpace.Config c) {
            return evaluated(c).row();
        }

        /** The project economics of {@code c} against the grid-only baseline (cash flows, NPV, IRR, paybacks). */
        public ProjectEconomics.Result economics(SearchSpace.Config c) {
            return evaluated(c).economics();
        }

        /** The grid-only baseline's yearly cost flows, index = year. */
        public double[] baselineFlowsYuan() {
            return baselineFlows.clone();
        }

        /** As {@link #evaluate}, with how far the configuration misses the constraints. */
        Evaluated evaluated(SearchSpace.Config c) {
            return Sizing.evaluate(base, c, pvDc, turbineCount, space, economics, strategy, years, baselineFlows);
        }
    }

    /**
     * @param violation the constraint misses added up, each relative to its limit (0 when feasible): a renewable
     *                  fraction of 0.27 against 0.30 counts 0.1
     * @param economics the project economics; null when the configuration could not be built
     */
    record Evaluated(SizingRow row, double violation, ProjectEconomics.Result economics) {
    }

    private static double[] baselineFlows(SiteInputs base, Economics e, double years) {
        Site gridOnly = withSizes(base.site(), null, base.site().grid().importLimitKw());
        int n = base.grid().steps();
        SiteInputs in = base.with(gridOnly, new double[n], new double[n]);
        Kpi k = KpiCalculator.site(Engine.run(in, Strategies.create("self-consumption", gridOnly.dispatch())));
        ProjectEconomics p = new ProjectEconomics(e.projectYears(), e.realDiscountRate(), 0, 0);
        return p.costFlows(List.of(), k.totalCostYuan() / years, 0);
    }

    static Evaluated evaluate(SiteInputs base, SearchSpace.Config c, double pvDc, int turbineCount,
            SearchSpace space, Economics e, String strategy, double years, double[] baselineFlows) {
        Site original = base.site();
        if (c.pvKw() > 0 && pvDc <= 0) {
            return infeasible(c, "the site has no PV array to scale");
        }
        if (c.turbines() > 0 && turbineCount == 0) {
            return infeasible(c, "the site has no wind farm to scale");
        }
        int n = base.grid().steps();
        double[] pv = new double[n];
        double[] wind = new double[n];
        double pvScale = pvDc > 0 ? c.pvKw() / pvDc : 0;
        double windScale = turbineCount > 0 ? (double) c.turbines() / turbineCount : 0;
        for (int i = 0; i < n; i++) {
            pv[i] = base.pvKw()[i] * pvScale;
            wind[i] = base.windKw()[i] * windScale;
        }
        Battery b = original.battery();
        Battery battery = c.batteryKwh() <= 0 ? null : new Battery(c.batteryKwh(), c.batteryKw(), c.batteryKw(),
                b == null ? 0.95 : b.chargeEfficiency(), b == null ? 0.95 : b.dischargeEfficiency(),
                b == null ? 0.1 : b.socMinFraction(), b == null ? 0.9 : b.socMaxFraction(),
                b == null ? 0.5 : b.socInitialFraction(), b == null ? 0 : b.selfDischargePerDay());
        Site site = withSizes(original, battery, c.gridLimitKw());
        SiteInputs in = base.with(site, wind, pv);
        DispatchStrategy dispatch = dispatch(strategy, in);
        SiteResult r = Engine.run(in, dispatch);
        if (dispatch instanceof PlanningStrategy p && p.outcome().fallbacks() > 0) {
            return infeasible(c, "the dispatch LP failed: " + p.outcome().message());
        }
        Kpi k = KpiCalculator.site(r);
        double ratedKwPerTurbine = turbineCount > 0 ? original.windRatedKw() / turbineCount : 0;
        List<Component> components = new ArrayList<>();
        double pvCapital = c.pvKw() * e.pvYuanPerKw();
        if (pvCapital > 0) {
            components.add(new Component("pv", pvCapital, pvCapital * e.pvReplacementFraction(),
                    e.pvLifetimeYears(), pvCapital * e.pvOmFractionPerYear()));
        }
        double windCapital = c.turbines() * ratedKwPerTurbine * e.windYuanPerKw();
        if (windCapital > 0) {
            components.add(new Component("wind", windCapital, windCapital * e.windReplacementFraction(),
                    e.windLifetimeYears(), windCapital * e.windOmFractionPerYear()));
        }
        if (battery != null) {
            double cap = c.batteryKwh() * e.batteryYuanPerKwh() + c.batteryKw() * e.batteryYuanPerKw();
            double annualThroughput = (k.batteryChargeKwh() + k.batteryDischargeKwh()) / 2 / years;
            double life = Component.batteryLifetimeYears(e.batteryCalendarYears(), e.batteryCycleLife()
                    * c.batteryKwh(), annualThroughput);
            components.add(new Component("battery", cap, cap * e.batteryReplacementFraction(), life,
                    cap * e.batteryOmFractionPerYear()));
        }
        ProjectEconomics p = new ProjectEconomics(e.projectYears(), e.realDiscountRate(), e.capitalGrantYuan(),
                e.subsidyYuanPerKwh());
        double variableOm = (e.pvVariableOmYuanPerKwh() * k.pvKwh() + e.windVariableOmYuanPerKwh() * k.windKwh())
                / years;
        double[] flows = p.costFlows(components, k.totalCostYuan() / years + variableOm, k.greenKwh() / years);
        ProjectEconomics.Result res = p.evaluate(flows, baselineFlows,
                (k.loadKwh() - k.unmetKwh() + k.gridExportKwh()) / years);
        double survival = space.requiresSurvival() ? org.gridtwin.sim.resilience.OutageSurvival.analyse(in,
                r, (int) Math.ceil(space.minSurvivalHours()), Math.max(1, (int) Math.round(1 / in.grid().stepHours())))
                .criticalSurvival(space.minSurvivalHours()) : 1;
        String reason = reason(k, space, years, survival);
        return new Evaluated(new SizingRow(c, res.netPresentCostYuan(), res.lcoeYuanPerKwh(), k.renewableFraction(),
                k.gridCo2T() / years, reason.isEmpty(), reason, 0, false), violation(k, space, years, survival), res);
    }

    private static String reason(Kpi k, SearchSpace s, double years, double survival) {
        List<String> r = new ArrayList<>();
        if (survival < s.survivalProbability() - 1e-12) {
            double h = s.minSurvivalHours();
            r.add(String.format(java.util.Locale.ROOT, "critical load through %s h outages from %.3f of the starts "
                    + "< %.3f", h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h), survival,
                    s.survivalProbability()));
        }
        if (k.renewableFraction() < s.minRenewableFraction()) {
            r.add(String.format(java.util.Locale.ROOT, "renewable fraction %.3f < %.3f", k.renewableFraction(),
                    s.minRenewableFraction()));
        }
        double unmet = k.loadKwh() > 0 ? k.unmetKwh() / k.loadKwh() : 0;
        if (unmet > s.maxUnmetFraction()) {
            r.add(String.format(java.util.Locale.ROOT, "unmet %.4f > %.4f", unmet, s.maxUnmetFraction()));
        }
        if (k.gridImportKwh() / years > s.maxGridImportKwh()) {
            r.add(String.format(java.util.Locale.ROOT, "grid import %.0f kWh/yr > %.0f", k.gridImportKwh() / years,
                    s.maxGridImportKwh()));
        }
        return String.join("; ", r);
    }

    private static double violation(Kpi k, SearchSpace s, double years, double survival) {
        double v = 0;
        if (survival < s.survivalProbability() - 1e-12) {
            v += (s.survivalProbability() - survival) / s.survivalProbability();
        }
        if (k.renewableFraction() < s.minRenewableFraction()) {
            v += (s.minRenewableFraction() - k.renewableFraction()) / s.minRenewableFraction();
        }
        double unmet = k.loadKwh() > 0 ? k.unmetKwh() / k.loadKwh() : 0;
        if (unmet > s.maxUnmetFraction()) {
            v += (unmet - s.maxUnmetFraction()) / Math.max(s.maxUnmetFraction(), 1e-3);
        }
        double imported = k.gridImportKwh() / years;
        if (imported > s.maxGridImportKwh()) {
            v += (imported - s.maxGridImportKwh()) / Math.max(s.maxGridImportKwh(), 1);
        }
        return v;
    }

    /**
     * A configuration's dispatch: a rule, or {@code optimal-foresight} over the configuration's own series — an LP
     * the storage dynamic program solves in a few hundredths of a second for a year of hours (CLP, about a second,
     * when a demand charge is set). Without a battery there is nothing to dispatch.
     */
    private static DispatchStrategy dispatch(String strategy, SiteInputs in) {
        Site site = in.site();
        if (!Strategies.needsContext(strategy)) {
            return Strategies.create(strategy, site.dispatch());
        }
        if (site.battery() == null) {
            return Strategies.create(SelfConsumption.NAME, site.dispatch());
        }
        StrategyContext context = new StrategyContext(LpInputsFactory.of(in), in.grid().start().getEpochSecond(),
                in.grid().stepSeconds(), SOLVER, null);
        return Strategies.create(strategy, site.dispatch(), context);
    }

    private static Evaluated infeasible(SearchSpace.Config c, String why) {
        return new Evaluated(new SizingRow(c, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, why, 0, false),
                Double.POSITIVE_INFINITY, null);
    }

    private static Site withSizes(Site s, Battery battery, double importLimitKw) {
        GridConnection g = s.grid();
        return new Site(s.id(), s.name(), s.timeZone(), s.latitudeDeg(), s.longitudeDeg(), s.weather(), s.wind(),
                s.pv(), battery, new GridConnection(importLimitKw, g.exportLimitKw(), g.tariff(), g.feedInYuanPerKwh(),
                        g.emissionFactor()), s.loads(), s.dispatch(), s.resilience());
    }

    /** Rank 1 = lowest NPC among feasible rows; Pareto = not dominated in (NPC, CO2) by another feasible row. */
    static List<SizingRow> rankAndFront(List<SizingRow> rows) {
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).feasible()) {
                feasible.add(i);
            }
        }
        feasible.sort(Comparator.comparingDouble(i -> rows.get(i).npcYuan()));
        SizingRow[] out = rows.toArray(new SizingRow[0]);
        double bestCo2 = Double.POSITIVE_INFINITY;
        int rank = 0;
        for (int i : feasible) {
            SizingRow r = rows.get(i);
            rank++;
            // sorted by cost: a row is on the front when it emits less than every cheaper row
            boolean front = r.co2TPerYear() < bestCo2 - 1e-9;
            bestCo2 = Math.min(bestCo2, r.co2TPerYear());
            out[i] = r.ranked(rank, front);
        }
        return List.of(out);
    }
}
