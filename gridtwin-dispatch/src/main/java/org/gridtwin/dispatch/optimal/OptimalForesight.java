package org.gridtwin.dispatch.optimal;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.dispatch.StrategyContext;
import org.gridtwin.dispatch.lp.LpSolution;
import org.gridtwin.dispatch.lp.SiteLp;
import org.gridtwin.dispatch.rules.SelfConsumption;

/**
 * The whole run in one LP with perfect knowledge of the future: the baseline no real controller can beat.
 * The plan is made at the first step; if the solver fails, the strategy says so ({@link #outcome()}) and runs
 * self-consumption instead.
 */
public final class OptimalForesight implements DispatchStrategy, PlanningStrategy {
    public static final String NAME = "optimal-foresight";
    private final StrategyContext context;
    private final DispatchStrategy fallback = new SelfConsumption();
    private double[] plan;
    private LpSolution solution;
    private SiteLp.Plan read;
    private String solver = "";

    public OptimalForesight(StrategyContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState state, Setpoints out) {
        if (solution == null) {
            SiteLp lp = SiteLp.build(context.period());
            solution = lp.solve(context.solver(), 600);
            solver = lp.method();
            if (solution.isOptimal()) {
                read = lp.read(solution);
                plan = read.batteryKw();
            }
        }
        int i = context.index(state.epochSecond());
        if (plan == null || i < 0 || i >= plan.length) {
            fallback.decide(state, out);
        } else {
            out.batteryKw(plan[i]);
        }
    }

    @Override
    public Outcome outcome() {
        if (solution == null) {
            return new Outcome(0, 0, 0, 0, 0, "not run", "");
        }
        boolean ok = solution.isOptimal();
        return new Outcome(1, ok ? 0 : 1, solution.solveSeconds(), ok ? solution.objective() : Double.NaN,
                read == null ? 0 : read.simultaneousSteps(),
                ok ? "" : solution.status() + ": " + solution.message() + "; ran self-consumption instead", solver);
    }
}
