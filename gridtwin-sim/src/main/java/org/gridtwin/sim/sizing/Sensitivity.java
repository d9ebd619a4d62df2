package org.gridtwin.sim.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.gridtwin.model.yaml.ScenarioPatch;

/**
 * Sensitivity cases: each listed value of one scenario input, the others at their base values, sized again with
 * the same search. The caller supplies how to size a patched scenario text; this class makes the cases and keeps
 * each one's best configuration.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /**
     * One input to vary.
     *
     * @param path      the input's path in the scenario ({@link ScenarioPatch})
     * @param values    the values to try
     * @param baseValue the scenario's own value
     */
    public record Parameter(String path, List<Double> values, double baseValue) {
    }

    /**
     * One case's outcome.
     *
     * @param best      the case's rank-1 configuration, or null when none is feasible
     * @param feasible  how many configurations met the constraints
     */
    public record Case(String path, double value, double baseValue, SizingRow best, int feasible) {
        /** The value as a percentage change from the base value (NaN when the base is 0). */
        public double changePercent() {
            return baseValue == 0 ? Double.NaN : (value / baseValue - 1) * 100;
        }
    }

    /**
     * Runs every case in order (the search itself is parallel).
     *
     * @param text   the scenario text
     * @param sizing sizes one patched scenario text, given with a label naming the case ("path = value") for
     *               messages, returning its ranked rows
     */
    public static List<Case> run(String text, List<Parameter> parameters,
            BiFunction<String, String, List<SizingRow>> sizing) {
        List<Case> cases = new ArrayList<>();
        for (Parameter p : parameters) {
            for (double v : p.values()) {
                List<SizingRow> rows = sizing.apply(ScenarioPatch.set(text, p.path(), v), p.path() + " = " + v);
                SizingRow best = rows.stream().filter(r -> r.rank() == 1).findFirst().orElse(null);
                int feasible = (int) rows.stream().filter(SizingRow::feasible).count();
                cases.add(new Case(p.path(), v, p.baseValue(), best, feasible));
            }
        }
        return cases;
    }

    /** A tornado bar: the lowest and highest rank-1 NPC over one parameter's cases. */
    public record Bar(String path, double lowNpcYuan, double highNpcYuan) {
        public double swingYuan() {
            return highNpcYuan - lowNpcYuan;
        }
    }

    /** The tornado's bars, widest swing first; parameters whose every case is infeasible are left out. */
    public static List<Bar> tornado(List<Case> cases) {
        List<Bar> bars = new ArrayList<>();
        for (String p : cases.stream().map(Case::path).distinct().toList()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Case c : cases) {
                if (c.path().equals(p) && c.best() != null) {
                    lo = Math.min(lo, c.best().npcYuan());
                    hi = Math.max(hi, c.best().npcYuan());
                }
            }
            if (lo <= hi) {
                bars.add(new Bar(p, lo, hi));
            }
        }
        bars.sort(java.util.Comparator.comparingDouble(Bar::swingYuan).reversed());
        return bars;
    }
}
