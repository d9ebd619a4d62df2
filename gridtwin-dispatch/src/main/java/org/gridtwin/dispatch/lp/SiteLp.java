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
    private final SiteLpInputs in;
    private final LpModel model = new LpModel();
    private int[] spill;
    private int[] imp;
    private int[] exp;
    private int[] unmet;
    private int[] charge;
    private int[] discharge;
    private int[] stored;
    private int[] balance;

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
            double carbon = in.costs().carbonPriceYuanPerT() * in.emissionTPerMwh()[t] / 1000;
            imp[t] = model.variable("imp_" + t, 0, in.importLimitKw(), (in.importPrice()[t] + carbon) * dt);
            exp[t] = model.variable("exp_" + t, 0, in.exportLimitKw(), -in.feedInPrice() * dt);
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
                model.row("soc_" + t, rhs, rhs, new int[] {stored[t], charge[t], discharge[t]},
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
        int months = Arrays.stream(in.month()).max().orElse(0) + 1;
        int[] peak = new int[months];
        for (int m = 0; m < months; m++) {
            double soFar = m < in.peakSoFarKw().length ? in.peakSoFarKw()[m] : 0;
            peak[m] = model.variable("peak_" + m, soFar, Double.POSITIVE_INFINITY, charge);
        }
        for (int t = 0; t < n; t++) {
            model.row("peak_" + t, Double.NEGATIVE_INFINITY, 0, new int[] {imp[t], peak[in.month()[t]]},
                    new double[] {1, -1});
        }
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
