package org.gridtwin.dispatch.optimal;

import java.util.Arrays;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.dispatch.StrategyContext;
import org.gridtwin.dispatch.forecast.Forecaster;
import org.gridtwin.dispatch.lp.LpSolution;
import org.gridtwin.dispatch.lp.SiteLp;
import org.gridtwin.dispatch.lp.SiteLpInputs;
import org.gridtwin.dispatch.rules.SelfConsumption;

/**
 * Model-predictive control: every {@code replan} steps, an LP over the next {@code horizon} steps from the measured
 * state of charge, with forecast renewables and load and the known tariff, brings the battery back to the run's
 * reference energy by the horizon's end (or keeps its current energy when that is out of reach), and counts only
 * demand above the month's peak so far. The first
 * {@code replan} steps of the plan are carried out. A failed plan runs self-consumption until the next one, and
 * is counted in {@link #outcome()}.
 */
public final class ModelPredictive implements DispatchStrategy, PlanningStrategy {
    public static final String NAME = "mpc";
    private final StrategyContext context;
    private final Forecaster forecaster;
    private final DispatchStrategy fallback = new SelfConsumption();
    private final double[] renewable;
    private final double[] load;
    private final double[] peakSoFar;
    private double[] plan;
    private int planStart = -1;
    private int plans;
    private int fallbacks;
    private double solveSeconds;
    private double lastObjective = Double.NaN;
    private int simultaneous;
    private String message = "";
    private SiteLp shared;
    private SiteLp current;
    private org.gridtwin.dispatch.lp.LpSession session;
    private final java.util.Set<String> solvers = new java.util.TreeSet<>();

    public ModelPredictive(StrategyContext context) {
        this.context = context;
        SiteLpInputs p = context.period();
        StrategyContext.MpcSettings s = context.mpc();
        int perDay = (int) Math.round(24 / p.stepHours());
        this.forecaster = Forecaster.of(s.forecast(), p.renewableKw(), p.loadKw(), perDay, s.noiseFraction(),
                s.seed());
        this.renewable = new double[s.horizonSteps()];
        this.load = new double[s.horizonSteps()];
        this.peakSoFar = new double[Arrays.stream(p.month()).max().orElse(0) + 1];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState state, Setpoints out) {
        int i = context.index(state.epochSecond());
        if (planStart < 0 || i - planStart >= context.mpc().replanSteps() || i < planStart) {
            plan(i, state);
        }
        if (plan == null) {
            fallback.decide(state, out);
        } else {
            out.batteryKw(plan[i - planStart]);
        }
        // the import this step will see, for the demand charge of later plans
        double imported = state.netLoadKw() - out.batteryKw();
        int m = context.period().month()[Math.min(i, context.period().month().length - 1)];
        peakSoFar[m] = Math.max(peakSoFar[m], Math.min(imported, state.importLimitKw()));
    }

    private void plan(int i, StepState state) {
        SiteLpInputs p = context.period();
        int n = Math.min(context.mpc().horizonSteps(), p.steps() - i);
        forecaster.forecast(i, n, renewable, load);
        double stored = state.socFraction() * state.batteryEnergyKwh();
        // each plan aims back at the run's reference energy (as the foresight plan does), or at least keeps what
        // it has when the reference is out of reach within the horizon
        double terminal = Double.NaN;
        if (p.battery() != null) {
            double reachable = stored + 0.5 * p.battery().chargeKw() * p.battery().chargeEfficiency() * n
                    * p.stepHours();
            terminal = reachable >= p.terminalAtLeastKwh() ? p.terminalAtLeastKwh() : stored;
        }
        // months relative to the horizon's first (a 48 h horizon spans at most two), so every full-length plan
        // has the same shape and can reuse the solver's model
        int first = p.month()[i];
        int[] month = new int[n];
        for (int k = 0; k < n; k++) {
            month[k] = Math.min(1, p.month()[i + k] - first);
        }
        double[] peaks = {peakSoFar[first], first + 1 < peakSoFar.length ? peakSoFar[first + 1] : 0};
        SiteLpInputs.Battery battery = p.battery();
        boolean belowFloor = battery != null && stored < battery.minKwh();
        if (belowFloor) {
            // an island drew on the reserve: plan from where the battery is, never lower, back up as it can (a floor
            // above the start would make every plan infeasible)
            battery = new SiteLpInputs.Battery(battery.chargeKw(), battery.dischargeKw(), battery.chargeEfficiency(),
                    battery.dischargeEfficiency(), stored, battery.maxKwh(), battery.keptPerStep());
        }
        SiteLpInputs horizon = new SiteLpInputs(p.stepHours(), Arrays.copyOf(renewable, n), Arrays.copyOf(load, n),
                Arrays.copyOfRange(p.importPrice(), i, i + n), p.feedInPrice(),
                Arrays.copyOfRange(p.emissionTPerMwh(), i, i + n), month, p.importLimitKw(), p.exportLimitKw(),
                battery, stored, terminal, peaks, p.costs());
        LpSolution s = solve(horizon, !belowFloor && n == context.mpc().horizonSteps());
        SiteLp lp = current;
        plans++;
        solveSeconds += s.solveSeconds();
        planStart = i;
        if (s.isOptimal()) {
            SiteLp.Plan read = lp.read(s);
            plan = read.batteryKw();
            lastObjective = s.objective();
            simultaneous += read.simultaneousSteps();
        } else {
            plan = null;
            fallbacks++;
            message = s.status() + ": " + s.message() + "; ran self-consumption until the next plan";
        }
    }

    /**
     * Solves a horizon. Plans the storage dynamic program can solve, and the shorter horizons at the end of the run,
     * are built afresh. Other full-length horizons (a demand charge) share one LP kept in a solver session: each
     * plan changes only data, so the solver starts from the previous plan's basis.
     */
    private LpSolution solve(SiteLpInputs horizon, boolean fullLength) {
        double limit = context.mpc().timeLimitSeconds();
        if (!fullLength || SiteLp.dynamicProgrammingUnavailable(horizon) == null) {
            // without a demand charge the storage dynamic program solves each plan from scratch faster than the
            // solver re-solves from the previous basis (SiteLp.solve falls back to the solver where it cannot)
            closeSession();
            current = SiteLp.build(horizon);
            LpSolution s = current.solve(context.solver(), limit);
            solvers.add(current.method());
            return s;
        }
        if (session == null) {
            shared = SiteLp.build(horizon);
            session = context.solver().open(shared.model());
        } else {
            shared.update(session, horizon);
        }
        current = shared;
        solvers.add(context.solver().name());
        return session.solve(limit);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public Outcome outcome() {
        return new Outcome(plans, fallbacks, solveSeconds, lastObjective, simultaneous, message,
                String.join(" + ", solvers));
    }
}
