package org.gridtwin.dispatch.lp;

/**
 * A model kept in a solver between solves: change bounds, row bounds, costs or coefficients, then solve again.
 * Engines that can warm-start from the previous basis (OR-Tools' CLP and GLOP keep it when only data change) make
 * a sequence of similar problems — the plans of model-predictive control — much cheaper than rebuilding each.
 */
public interface LpSession extends AutoCloseable {

    void setBounds(int variable, double lb, double ub);

    void setRowBounds(int row, double lb, double ub);

    void setCost(int variable, double cost);

    void setCoefficient(int row, int variable, double value);

    LpSolution solve(double timeLimitSeconds);

    /** Releases the solver's native memory. */
    @Override
    void close();

    /** A session for solvers without incremental support: changes go into the model, each solve starts afresh. */
    static LpSession rebuilding(LpSolver solver, LpModel model) {
        return new LpSession() {
            @Override
            public void setBounds(int variable, double lb, double ub) {
                model.setBounds(variable, lb, ub);
            }

            @Override
            public void setRowBounds(int row, double lb, double ub) {
                model.setRowBounds(row, lb, ub);
            }

            @Override
            public void setCost(int variable, double cost) {
                model.setCost(variable, cost);
            }

            @Override
            public void setCoefficient(int row, int variable, double value) {
                model.setCoefficient(row, variable, value);
            }

            @Override
            public LpSolution solve(double timeLimitSeconds) {
                return solver.solve(model, timeLimitSeconds);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
