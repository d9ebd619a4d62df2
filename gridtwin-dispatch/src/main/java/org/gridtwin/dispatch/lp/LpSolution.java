package org.gridtwin.dispatch.lp;

/**
 * What a solver returned, as a value: never an exception for a failed solve.
 *
 * @param status       how the solve ended
 * @param objective    objective value of {@code values} (NaN without a solution)
 * @param gap          relative optimality gap (0 for a proven LP optimum, NaN when unknown)
 * @param solveSeconds wall time inside the solver
 * @param values       variable values, or an empty array without a solution
 * @param message      the solver's own words on a failure, else ""
 */
public record LpSolution(Status status, double objective, double gap, double solveSeconds, double[] values,
        String message) {

    public enum Status { OPTIMAL, INFEASIBLE, TIME_LIMIT, FAILED }

    public boolean isOptimal() {
        return status == Status.OPTIMAL;
    }

    public static LpSolution failed(Status status, double seconds, String message) {
        return new LpSolution(status, Double.NaN, Double.NaN, seconds, new double[0], message);
    }
}
