package org.gridtwin.sim.sizing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.gridtwin.model.Economics;
import org.gridtwin.sim.SiteInputs;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Derivative-free sizing over bounds: for every turbine count, local searches over the continuous sizes (PV,
 * battery energy and power, grid limit) minimise net present cost plus a penalty for missing the constraints.
 * Two or more free sizes use Powell's BOBYQA (bound-constrained quadratic models, Powell 2009, Cambridge report
 * DAMTP 2009/NA06), one uses Brent's method; both from Hipparchus.
 *
 * <p>Sizes are rounded to whole kW / kWh before simulating, so searches that meet share one simulation. Every
 * configuration tried is returned, ranked like an exhaustive search, so the Pareto front and the infeasible
 * configurations with their reasons come out too. Local searches run in parallel; each one's path depends only on
 * its own starting point and the (deterministic) simulations, so the result is the same on any number of cores.
 */
public final class SizingOptimiser {
    /** Penalty per unit of relative constraint miss, as a multiple of the search's scale of cost. */
    private static final double PENALTY = 10;

    private SizingOptimiser() {
    }

    public static List<SizingRow> run(SiteInputs base, BoundsSearch search, Economics economics, String strategy,
            IntConsumer progress) {
        Sizing.Evaluator evaluator = new Sizing.Evaluator(base, search.constraints(), economics, strategy);
        Map<SearchSpace.Config, Sizing.Evaluated> tried = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        List<int[]> tasks = new ArrayList<>();
        for (int t = search.turbinesMin(); t <= search.turbinesMax(); t++) {
            for (int s = 0; s < search.starts(); s++) {
                tasks.add(new int[] {t, s});
            }
        }
        tasks.parallelStream().forEach(task -> new LocalSearch(evaluator, search, task[0], task[1], tried, done,
                progress).run());
        List<SizingRow> rows = new ArrayList<>();
        tried.values().forEach(e -> rows.add(e.row()));
        rows.sort(CONFIG_ORDER);
        return Sizing.rankAndFront(rows);
    }

    private static final Comparator<SizingRow> CONFIG_ORDER = Comparator
            .comparingDouble((SizingRow r) -> r.config().pvKw()).thenComparingDouble(r -> r.config().batteryKwh())
            .thenComparingDouble(r -> r.config().batteryKw()).thenComparingInt(r -> r.config().turbines())
            .thenComparingDouble(r -> r.config().gridLimitKw());

    /** One local search at a fixed turbine count, in coordinates scaled to [0, 1] per free size. */
    private static final class LocalSearch {
        private final Sizing.Evaluator evaluator;
        private final BoundsSearch search;
        private final int turbines;
        private final int start;
        private final Map<SearchSpace.Config, Sizing.Evaluated> tried;
        private final AtomicInteger done;
        private final IntConsumer progress;
        private final double[][] bounds;
        private final int[] free;
        private double scale = Double.NaN;

        LocalSearch(Sizing.Evaluator evaluator, BoundsSearch search, int turbines, int start,
                Map<SearchSpace.Config, Sizing.Evaluated> tried, AtomicInteger done, IntConsumer progress) {
            this.evaluator = evaluator;
            this.search = search;
            this.turbines = turbines;
            this.start = start;
            this.tried = tried;
            this.done = done;
            this.progress = progress;
            this.bounds = search.continuous();
            List<Integer> f = new ArrayList<>();
            for (int i = 0; i < bounds.length; i++) {
                if (bounds[i][1] - bounds[i][0] >= 1) {
                    f.add(i);
                }
            }
            this.free = f.stream().mapToInt(Integer::intValue).toArray();
        }

        void run() {
            double[] x0 = startingPoint();
            try {
                if (free.length == 0) {
                    objective(x0);
                } else if (free.length == 1) {
                    new BrentOptimizer(1e-4, 1e-4).optimize(new MaxEval(search.maxEvaluations()),
                            new UnivariateObjectiveFunction(v -> objective(new double[] {v})), GoalType.MINIMIZE,
                            new SearchInterval(0, 1, x0[0]));
                } else {
                    double[] lo = new double[free.length];
                    double[] hi = new double[free.length];
                    java.util.Arrays.fill(hi, 1);
                    // trust region from a fifth of the range down to ~1/1000 of it: finer than that the rounding
                    // to whole kW makes the cost flat
                    new BOBYQAOptimizer(2 * free.length + 1, 0.2, 1e-3).optimize(new MaxEval(search.maxEvaluations()),
                            new ObjectiveFunction(this::objective), GoalType.MINIMIZE, new InitialGuess(x0),
                            new SimpleBounds(lo, hi));
                }
            } catch (MathIllegalStateException budgetSpent) {
                // the evaluation budget ran out: every configuration tried is already recorded
            }
        }

        private double[] startingPoint() {
            double[] x = new double[free.length];
            Random random = new Random(search.seed() * 1_000_003L + turbines * 7919L + start);
            for (int i = 0; i < x.length; i++) {
                x[i] = start == 0 ? 0.5 : random.nextDouble();
            }
            return x;
        }

        private double objective(double[] x) {
            double[] size = new double[bounds.length];
            for (int i = 0; i < bounds.length; i++) {
                size[i] = bounds[i][0];
            }
            for (int k = 0; k < free.length; k++) {
                double[] b = bounds[free[k]];
                size[free[k]] = b[0] + Math.min(1, Math.max(0, x[k])) * (b[1] - b[0]);
            }
            double kwh = Math.round(size[1]);
            SearchSpace.Config c = new SearchSpace.Config(Math.round(size[0]), kwh < 1 ? 0 : kwh,
                    kwh < 1 ? Math.round(bounds[2][0]) : Math.round(size[2]), turbines, Math.round(size[3]));
            Sizing.Evaluated e = tried.computeIfAbsent(c, evaluator::evaluated);
            progress.accept(done.incrementAndGet());
            double npc = e.row().npcYuan();
            if (Double.isNaN(scale)) {
                scale = Math.max(1e6, Math.abs(npc)); // the first point sets the penalty's scale for this search
            }
            return npc + PENALTY * scale * e.violation();
        }
    }
}
