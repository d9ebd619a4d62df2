package org.gridtwin.dispatch.lp;

/** The solver port: any LP solver that can minimise an {@link LpModel}. */
public interface LpSolver {

    /** Solves to optimality or until {@code timeLimitSeconds}; failures come back as a status, not an exception. */
    LpSolution solve(LpModel model, double timeLimitSeconds);

    /** A short name for reports, e.g. "OR-Tools GLOP". */
    String name();

    /** Opens a session that keeps {@code model} in the solver for repeated solves after small changes. */
    default LpSession open(LpModel model) {
        return LpSession.rebuilding(this, model);
    }
}
