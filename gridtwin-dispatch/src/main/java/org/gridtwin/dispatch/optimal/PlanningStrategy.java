package org.gridtwin.dispatch.optimal;

/** A strategy that plans with an optimiser and reports how its plans went. */
public interface PlanningStrategy {

    Outcome outcome();

    /**
     * How the plans went.
     *
     * @param plans             plans solved
     * @param fallbacks         plans that failed, each followed by the fallback rule until the next plan
     * @param solveSeconds      total solver time
     * @param lastObjective     objective of the last optimal plan
     * @param simultaneousSteps steps planned to charge and discharge at once (0 expected)
     * @param message           what went wrong, or ""
     * @param solver            what solved the plans: "storage dynamic programming", the LP solver's name, or both
     *                          joined by " + " when plans went to each
     */
    record Outcome(int plans, int fallbacks, double solveSeconds, double lastObjective, int simultaneousSteps,
            String message, String solver) {
    }
}
