package org.gridtwin.dispatch.lp;

import java.util.Arrays;

/**
 * The dispatch LP of one site, built as a pipeline: {@link #build} adds each asset's variables and constraints
 * (one small method per asset, PyPSA style), a solver solves it, {@link #read} turns the solution into a plan and
 * checks it.
 *
 * <p>Per step t: spill (curtailment, including regenerated energy that cannot go anywhere), grid import and export,
 * unmet load, battery charge, discharge and stored energy. Rows: the bus balance
 * {@code −spill + dis − ch + imp − exp + unmet = load − renewable}; the state of charge
 * {@code e_t = k (e_{t−1} − floor) + floor + η_c Δt ch − Δt dis / η_d}; the terminal energy; and, for the monthly
 * demand charge, {@code imp_t ≤ peak_month}. Objective: import cost by tariff period − export revenue + demand
 * charges + battery wear + carbon cost + lost-load penalty. A pure LP: charging and discharging in the same step is
 * possible in principle and is reported by {@link Plan#simultaneousSteps()}.
 */
public final class SiteLp {
    private SiteLpInputs in;
    private final LpModel model = new LpModel();
    private int socRow0 = -1;
    private int[] peak;
    private int[] peakRow;
    private int[] spill;
    private int[] imp;
    private int[] exp;
    private int[] unmet;
    private int[] charge;
    private int[] discharge;
    private int[] stored;
    private int[] balance;
    private String method = "";

    private SiteLp(SiteLpInputs in) {
        this.in = in;
    }

    /** Builds the LP of a site over its inputs' horizon. */
    public static SiteLp build(SiteLpInputs in) {
        SiteLp lp = new SiteLp(in);
        lp.addRenewables();
        lp.addGrid();
        lp.addUnmet();
        lp.addBattery();
        lp.addBalance();
        lp.addDemandCharge();
        return lp;
    }

    public LpModel model() {
        return model;
    }

    private void addRenewables() {
        int n = in.steps();
        spill = new int[n];
        for (int t = 0; t < n; t++) {
            double canSpill = in.renewableKw()[t] + Math.max(0, -in.loadKw()[t]);
            spill[t] = model.variable("spill_" + t, 0, canSpill, 0);
        }
    }

    private void addGrid() {
        int n = in.steps();
        double dt = in.stepHours();
        imp = new int[n];
        exp = new int[n];
        for (int t = 0; t < n; t++) {
            imp[t] = model.variable("imp_" + t, 0, in.importLimitKw(), in.importCost(t) * dt);
            exp[t] = model.variable("exp_" + t, 0, in.exportLimitKw(), -in.exportPrice(t) * dt);
        }
    }

    private void addUnmet() {
        int n = in.steps();
        unmet = new int[n];
        for (int t = 0; t < n; t++) {
            unmet[t] = model.variable("unmet_" + t, 0, Math.max(0, in.loadKw()[t]),
                    in.costs().unmetPenaltyYuanPerKwh() * in.stepHours());
        }
    }

    private void addBattery() {
        SiteLpInputs.Battery b = in.battery();
        if (b == null) {
            return;
        }
        int n = in.steps();
        double dt = in.stepHours();
        double wear = in.costs().degradationYuanPerKwh() * dt / 2;
        charge = new int[n];
        discharge = new int[n];
        stored = new int[n];
        double k = b.keptPerStep();
        for (int t = 0; t < n; t++) {
            charge[t] = model.variable("ch_" + t, 0, b.chargeKw(), wear);
            discharge[t] = model.variable("dis_" + t, 0, b.dischargeKw(), wear);
            stored[t] = model.variable("e_" + t, b.minKwh(), b.maxKwh(), 0);
            // e_t − k e_{t−1} − η_c Δt ch_t + Δt/η_d dis_t = (1 − k) floor   (e_{−1} is the initial energy)
            double rhs = (1 - k) * b.minKwh();
            if (t == 0) {
                rhs += k * in.initialKwh();
                socRow0 = model.row("soc_" + t, rhs, rhs, new int[] {stored[t], charge[t], discharge[t]},
                        new double[] {1, -b.chargeEfficiency() * dt, dt / b.dischargeEfficiency()});
            } else {
                model.row("soc_" + t, rhs, rhs, new int[] {stored[t], stored[t - 1], charge[t], discharge[t]},
                        new double[] {1, -k, -b.chargeEfficiency() * dt, dt / b.dischargeEfficiency()});
            }
        }
        if (!Double.isNaN(in.terminalAtLeastKwh())) {
            double need = Math.min(in.terminalAtLeastKwh(), b.maxKwh());
            model.setBounds(stored[n - 1], Math.max(b.minKwh(), need), b.maxKwh());
        }
    }

    private void addBalance() {
        int n = in.steps();
        balance = new int[n];
        for (int t = 0; t < n; t++) {
            double rhs = in.loadKw()[t] - in.renewableKw()[t];
            if (charge != null) {
                balance[t] = model.row("bal_" + t, rhs, rhs,
                        new int[] {spill[t], discharge[t], charge[t], imp[t], exp[t], unmet[t]},
                        new double[] {-1, 1, -1, 1, -1, 1});
            } else {
                balance[t] = model.row("bal_" + t, rhs, rhs, new int[] {spill[t], imp[t], exp[t], unmet[t]},
                        new double[] {-1, 1, -1, 1});
            }
        }
    }

    private void addDemandCharge() {
        double charge = in.costs().demandChargeYuanPerKwMonth();
        if (charge <= 0) {
            return;
        }
        int n = in.steps();
        int months = Math.max(Arrays.stream(in.month()).max().orElse(0) + 1, in.peakSoFarKw().length);
        peak = new int[months];
        for (int m = 0; m < months; m++) {
            double soFar = m < in.peakSoFarKw().length ? in.peakSoFarKw()[m] : 0;
            peak[m] = model.variable("peak_" + m, soFar, Double.POSITIVE_INFINITY, charge);
        }
        peakRow = new int[n];
        for (int t = 0; t < n; t++) {
            peakRow[t] = model.row("peak_" + t, Double.NEGATIVE_INFINITY, 0, new int[] {imp[t], peak[in.month()[t]]},
                    new double[] {1, -1});
        }
    }

    /**
     * Solves this LP. A site without a demand charge (one battery or none) goes to the exact storage dynamic program
     * ({@link StorageDp}), which reaches the same optimum as a simplex solver in a fraction of the time; any other
     * LP — or a dynamic-programming result that does not check out against every row of the model — goes to
     * {@code solver}. {@link #method()} says which one answered.
     */
    public LpSolution solve(LpSolver solver, double timeLimitSeconds) {
        method = solver.name();
        if (StorageDp.ineligible(in) != null) {
            return solver.solve(model, timeLimitSeconds);
        }
        long t0 = System.nanoTime();
        StorageDp dp = new StorageDp(in);
        StorageDp.Result r = dp.solve();
        if (r == null) {
            return solver.solve(model, timeLimitSeconds); // the solver gives infeasibility its own words
        }
        double[] x = new double[model.variables()];
        SiteLpInputs.Battery b = in.battery();
        for (int t = 0; t < in.steps(); t++) {
            double[] f = dp.flows(t, r.deltaKwh()[t]);
            x[spill[t]] = f[2];
            x[imp[t]] = f[3];
            x[exp[t]] = f[4];
            x[unmet[t]] = f[5];
            if (b != null) {
                x[charge[t]] = f[0];
                x[discharge[t]] = f[1];
                x[stored[t]] = b.minKwh() + r.aboveFloorKwh()[t];
            }
        }
        if (!satisfiesModel(x)) {
            return solver.solve(model, timeLimitSeconds);
        }
        method = DYNAMIC_PROGRAMMING;
        return new LpSolution(LpSolution.Status.OPTIMAL, model.objective(x), 0, (System.nanoTime() - t0) / 1e9, x,
                "");
    }

    /** The name {@link #method()} gives when the storage dynamic program solved the LP. */
    public static final String DYNAMIC_PROGRAMMING = "storage dynamic programming";

    /** What answered the last {@link #solve}: {@link #DYNAMIC_PROGRAMMING} or the solver's name; "" before. */
    public String method() {
        return method;
    }

    /** Why {@link #solve} would hand this LP to the general solver, or {@code null} when it will not. */
    public String dynamicProgrammingUnavailable() {
        return StorageDp.ineligible(in);
    }

    /** Why {@link #solve} would hand the LP of these inputs to the general solver, or {@code null}. */
    public static String dynamicProgrammingUnavailable(SiteLpInputs inputs) {
        return StorageDp.ineligible(inputs);
    }

    /** Every bound and row of the model holds at x, within a relative 1e-7. */
    private boolean satisfiesModel(double[] x) {
        for (int j = 0; j < x.length; j++) {
            double tol = 1e-7 * (1 + Math.abs(x[j]));
            if (!(x[j] >= model.lower(j) - tol && x[j] <= model.upper(j) + tol)) {
                return false;
            }
        }
        for (int row = 0; row < model.rows(); row++) {
            int[] cols = model.rowColumns(row);
            double[] vals = model.rowCoefficients(row);
            double sum = 0;
            double size = 1;
            for (int k = 0; k < cols.length; k++) {
                sum += vals[k] * x[cols[k]];
                size += Math.abs(vals[k] * x[cols[k]]);
            }
            double tol = 1e-7 * size;
            if (!(sum >= model.rowLower(row) - tol && sum <= model.rowUpper(row) + tol)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves this LP to new inputs of the same shape — same number of steps, same battery, same costs and
     * demand-charge months — through a session that holds it, changing only data: renewable and load bounds and
     * balances, import costs, the initial and terminal energy, the month of each step and the peaks so far.
     */
    public void update(LpSession s, SiteLpInputs next) {
        if (next.steps() != in.steps() || (next.battery() == null) != (in.battery() == null)
                || (peak != null && next.peakSoFarKw().length != peak.length)) {
            throw new IllegalArgumentException("an LP can only move to inputs of the same shape");
        }
        double dt = next.stepHours();
        for (int t = 0; t < next.steps(); t++) {
            double ren = next.renewableKw()[t];
            double load = next.loadKw()[t];
            s.setBounds(spill[t], 0, ren + Math.max(0, -load));
            s.setBounds(unmet[t], 0, Math.max(0, load));
            s.setRowBounds(balance[t], load - ren, load - ren);
            s.setCost(imp[t], next.importCost(t) * dt);
            s.setCost(exp[t], -next.exportPrice(t) * dt);
            if (peak != null && next.month()[t] != in.month()[t]) {
                s.setCoefficient(peakRow[t], peak[in.month()[t]], 0);
                s.setCoefficient(peakRow[t], peak[next.month()[t]], -1);
            }
        }
        if (peak != null) {
            for (int m = 0; m < peak.length; m++) {
                s.setBounds(peak[m], next.peakSoFarKw()[m], Double.POSITIVE_INFINITY);
            }
        }
        SiteLpInputs.Battery b = next.battery();
        if (b != null) {
            double k = b.keptPerStep();
            double rhs = (1 - k) * b.minKwh() + k * next.initialKwh();
            s.setRowBounds(socRow0, rhs, rhs);
            int last = stored[next.steps() - 1];
            double need = Double.isNaN(next.terminalAtLeastKwh()) ? b.minKwh()
                    : Math.max(b.minKwh(), Math.min(next.terminalAtLeastKwh(), b.maxKwh()));
            s.setBounds(last, need, b.maxKwh());
        }
        in = next;
    }

    /**
     * The plan of a solution.
     *
     * @param batteryKw          battery setpoint per step (+ discharge)
     * @param gridKw             grid flow per step (+ import)
     * @param storedKwh          stored energy at the end of each step
     * @param simultaneousSteps  steps that both charge and discharge (more than 1e-6 kW each); 0 is expected
     */
    public record Plan(double[] batteryKw, double[] gridKw, double[] storedKwh, int simultaneousSteps) {
    }

    /** Reads the plan from an optimal solution. */
    public Plan read(LpSolution s) {
        if (!s.isOptimal()) {
            throw new IllegalArgumentException("no plan in a " + s.status() + " solution");
        }
        double[] x = s.values();
        int n = in.steps();
        double[] battery = new double[n];
        double[] grid = new double[n];
        double[] e = new double[n];
        int simultaneous = 0;
        for (int t = 0; t < n; t++) {
            grid[t] = x[imp[t]] - x[exp[t]];
            if (charge != null) {
                battery[t] = x[discharge[t]] - x[charge[t]];
                e[t] = x[stored[t]];
                if (x[charge[t]] > 1e-6 && x[discharge[t]] > 1e-6) {
                    simultaneous++;
                }
            }
        }
        return new Plan(battery, grid, e, simultaneous);
    }
}
