package org.gridtwin.dispatch.lp;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The default solver: Google OR-Tools' GLOP (primal/dual simplex), with the native library bundled in the
 * {@code ortools-linux-x86-64} jar. The model is rebuilt for each solve.
 */
public final class OrToolsLpSolver implements LpSolver {
    private static volatile boolean loaded;

    private static void load() {
        if (!loaded) {
            synchronized (OrToolsLpSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    @Override
    public String name() {
        return "OR-Tools GLOP";
    }

    @Override
    public LpSolution solve(LpModel m, double timeLimitSeconds) {
        long t0 = System.nanoTime();
        try {
            load();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return LpSolution.failed(LpSolution.Status.FAILED, 0, "OR-Tools native library: " + e.getMessage());
        }
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            return LpSolution.failed(LpSolution.Status.FAILED, 0, "OR-Tools has no GLOP solver");
        }
        try {
            double inf = MPSolver.infinity();
            int n = m.variables();
            MPVariable[] x = new MPVariable[n];
            MPObjective objective = solver.objective();
            for (int j = 0; j < n; j++) {
                x[j] = solver.makeNumVar(finite(m.lower(j), inf), finite(m.upper(j), inf), m.variableName(j));
                if (m.cost(j) != 0) {
                    objective.setCoefficient(x[j], m.cost(j));
                }
            }
            objective.setMinimization();
            for (int r = 0; r < m.rows(); r++) {
                MPConstraint c = solver.makeConstraint(finite(m.rowLower(r), inf), finite(m.rowUpper(r), inf),
                        m.rowName(r));
                int[] cols = m.rowColumns(r);
                double[] vals = m.rowCoefficients(r);
                for (int k = 0; k < cols.length; k++) {
                    c.setCoefficient(x[cols[k]], vals[k]);
                }
            }
            if (timeLimitSeconds > 0 && Double.isFinite(timeLimitSeconds)) {
                solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            }
            MPSolver.ResultStatus status = solver.solve();
            double seconds = (System.nanoTime() - t0) / 1e9;
            switch (status) {
                case OPTIMAL -> {
                    double[] values = new double[n];
                    for (int j = 0; j < n; j++) {
                        values[j] = x[j].solutionValue();
                    }
                    return new LpSolution(LpSolution.Status.OPTIMAL, objective.value(), 0, seconds, values, "");
                }
                case INFEASIBLE -> {
                    return LpSolution.failed(LpSolution.Status.INFEASIBLE, seconds, "the problem is infeasible");
                }
                case NOT_SOLVED, FEASIBLE -> {
                    return LpSolution.failed(LpSolution.Status.TIME_LIMIT, seconds,
                            "no proven optimum within " + timeLimitSeconds + " s");
                }
                default -> {
                    return LpSolution.failed(LpSolution.Status.FAILED, seconds, "GLOP ended with " + status);
                }
            }
        } finally {
            solver.delete();
        }
    }

    private static double finite(double v, double inf) {
        if (v == Double.POSITIVE_INFINITY) {
            return inf;
        }
        return v == Double.NEGATIVE_INFINITY ? -inf : v;
    }
}
