package org.gridtwin.dispatch.lp;

import java.util.Map;
import java.util.TreeMap;

/**
 * An exact solver for the site LP of {@link SiteLp} when it has no demand charge (one battery or none): forward
 * dynamic programming over the stored energy with convex piecewise-linear value functions, then a backward pass that
 * reads the optimal trajectory. It returns the same optimum as a simplex solver on the LP (tests compare it with CLP,
 * GLOP, cbc and glpsol) in a small fraction of the time, because it never forms a basis: each step costs a few
 * ordered-map operations.
 *
 * <p>Why it is exact. Without a demand charge the steps interact only through the stored energy. Measuring energy
 * above the floor, {@code u_t = k u_{t−1} + Δ_t}, where {@code Δ_t = Δt (η_c ch − dis/η_d)} and k is the share kept
 * over a step of self-discharge. For a given Δ, the cheapest way to run the rest of the step (import, export, spill,
 * unmet load) is a continuous knapsack with one equality, solved exactly by taking the cheapest moves first; its
 * cost {@code f_t(Δ)} is therefore convex and piecewise linear. The least cost of reaching energy u at the end of
 * step t, {@code W_t(u) = min_v W_{t−1}(v/k) + f_t(u − v)}, is the infimal convolution of two convex
 * piecewise-linear functions, whose slopes are the two slope lists merged in order (Rockafellar, <i>Convex
 * Analysis</i>, 1970, §5 and §16), restricted to the energy window. The representation is the ordered list of
 * slopes with their lengths — the "slope trick" of convex DP.
 *
 * <p>When neither charging and discharging at once can pay — every price term is non-negative, see
 * {@link #ineligible} — the LP's optimum never needs it, so f_t is built with one of the two at zero.
 */
final class StorageDp {
    /** Past this growth of the lazy scale factors the stored keys are rebased, to stay far from overflow. */
    private static final double REBASE = 1e30;
    /** Numbers kept per step for the backward pass: left end, length, and up to 8 cumulative lengths. */
    private static final int SPLIT = 10;
    /** A site without a battery: nothing couples its steps, and the knapsack alone solves each. */
    private static final SiteLpInputs.Battery NONE = new SiteLpInputs.Battery(0, 0, 1, 1, 0, 0, 1);

    private final SiteLpInputs in;
    private final SiteLpInputs.Battery b;
    private final double dt;
    private final double k;
    private final double capKwh;
    private final int n;
    // the h-moves of the current step: cost per kW of bus demand, length in kW, and the amounts taken at N = L
    private final double[] moveCost = new double[4];
    private final double[] moveLen = new double[4];
    private final int[] order = new int[4];
    private final double[] taken = new double[4];
    // the step cost f_t: ascending slopes (yuan/kWh) and lengths (kWh) from lo
    private final double[] fSlope = new double[8];
    private final double[] fLen = new double[8];
    // the discharging side of f_t while it is built, from Δ = 0 leftwards
    private final double[] leftSlope = new double[4];
    private final double[] leftLen = new double[4];
    private int fCount;
    private double fLo;
    private double fHi;
    private double fAtLo;
    private double sMaxKw;
    private double xCapKw;

    StorageDp(SiteLpInputs in) {
        this.in = in;
        this.b = in.battery() != null ? in.battery() : NONE;
        this.dt = in.stepHours();
        this.k = b.keptPerStep();
        this.capKwh = b.maxKwh() - b.minKwh();
        this.n = in.steps();
    }

    /** Why the dynamic program cannot solve this LP exactly, or {@code null} when it can. */
    static String ineligible(SiteLpInputs in) {
        if (in.costs().demandChargeYuanPerKwMonth() > 0) {
            return "a demand charge couples the steps of a month";
        }
        SiteLpInputs.Battery b = in.battery() != null ? in.battery() : NONE;
        if (!(b.chargeEfficiency() > 0 && b.chargeEfficiency() <= 1 && b.dischargeEfficiency() > 0
                && b.dischargeEfficiency() <= 1 && b.keptPerStep() > 0 && b.keptPerStep() <= 1)) {
            return "efficiencies or self-discharge outside (0, 1]";
        }
        if (!(b.chargeKw() >= 0 && b.dischargeKw() >= 0 && Double.isFinite(b.chargeKw())
                && Double.isFinite(b.dischargeKw()) && b.maxKwh() >= b.minKwh() && Double.isFinite(b.maxKwh()))) {
            return "battery ratings not finite";
        }
        // with every price term non-negative, charging and discharging at once (burning energy in losses) never
        // lowers the cost, so the LP has an optimum without it
        if (!(in.feedInPrice() >= 0 && in.costs().unmetPenaltyYuanPerKwh() >= 0
                && in.costs().degradationYuanPerKwh() >= 0 && in.costs().carbonPriceYuanPerT() >= 0)) {
            return "a negative price term";
        }
        for (int t = 0; t < in.steps(); t++) {
            if (!(in.importPrice()[t] >= 0 && in.emissionTPerMwh()[t] >= 0)) {
                return "a negative import price at step " + t;
            }
        }
        return null;
    }

    /** The optimum: energy above the floor at the end of each step, and the battery's energy change Δ per step. */
    record Result(double objective, double[] aboveFloorKwh, double[] deltaKwh) {
    }

    /** Solves the LP, or returns {@code null} when the energy window cannot be kept (the LP is infeasible). */
    Result solve() {
        double u0 = in.battery() == null ? 0 : in.initialKwh() - b.minKwh();
        double terminalLo = 0;
        if (!Double.isNaN(in.terminalAtLeastKwh())) {
            terminalLo = Math.max(0, Math.min(in.terminalAtLeastKwh(), b.maxKwh()) - b.minKwh());
        }
        // for the backward pass, per step: where the earlier energy's function starts, its length, and how much of
        // it has slopes up to each piece of the step's cost — all the merge needs, in 10 numbers a step
        double[] split = new double[n * SPLIT];
        TreeMap<Double, double[]> segs = new TreeMap<>();
        double fs = 1; // actual slope = key × fs
        double fl = 1; // actual length = stored × fl
        double left = u0;
        double right = u0;
        double value = 0;
        double tol = 1e-9 * Math.max(1, capKwh);
        for (int t = 0; t < n; t++) {
            stepCost(t);
            left *= k;
            right *= k;
            fs /= k;
            fl *= k;
            if (fs > REBASE) {
                TreeMap<Double, double[]> rebased = new TreeMap<>();
                for (Map.Entry<Double, double[]> e : segs.entrySet()) {
                    rebased.merge(e.getKey() * fs, new double[] {e.getValue()[0] * fl}, StorageDp::add);
                }
                segs = rebased;
                fs = 1;
                fl = 1;
            }
            recordSplit(split, t, segs, fs, fl, left, right);
            for (int i = 0; i < fCount; i++) {
                if (fLen[i] > 0) {
                    segs.merge(fSlope[i] / fs, new double[] {fLen[i] / fl}, StorageDp::add);
                }
            }
            left += fLo;
            right += fHi;
            value += fAtLo;
            double lo = t == n - 1 ? terminalLo : 0;
            if (left > capKwh + tol || right < lo - tol) {
                return null;
            }
            // below the window: the cheapest slopes go first, and their cost is paid to reach the new left end
            double need = lo - left;
            while (need > 0 && !segs.isEmpty()) {
                Map.Entry<Double, double[]> e = segs.firstEntry();
                double len = e.getValue()[0] * fl;
                double slope = e.getKey() * fs;
                if (len <= need) {
                    value += slope * len;
                    need -= len;
                    segs.pollFirstEntry();
                } else {
                    value += slope * need;
                    e.getValue()[0] -= need / fl;
                    need = 0;
                }
            }
            left = Math.max(left, lo);
            double excess = right - capKwh;
            while (excess > 0 && !segs.isEmpty()) {
                Map.Entry<Double, double[]> e = segs.lastEntry();
                double len = e.getValue()[0] * fl;
                if (len <= excess) {
                    excess -= len;
                    segs.pollLastEntry();
                } else {
                    e.getValue()[0] -= excess / fl;
                    excess = 0;
                }
            }
            right = Math.min(right, capKwh);
        }
        // the best end point: walk up while the slope is negative
        double u = left;
        double objective = value;
        for (Map.Entry<Double, double[]> e : segs.entrySet()) {
            double slope = e.getKey() * fs;
            if (slope >= 0) {
                break;
            }
            double len = e.getValue()[0] * fl;
            u += len;
            objective += slope * len;
        }
        double[] above = new double[n];
        double[] delta = new double[n];
        for (int t = n - 1; t >= 0; t--) {
            above[t] = Math.max(0, Math.min(capKwh, u));
            stepCost(t);
            int at = t * SPLIT;
            double gLeft = split[at];
            double x = Math.max(0, u - gLeft - fLo);
            // walk the merged slopes (ties: the earlier energy first) until x is used up
            double gUsed = 0;
            double fUsed = 0;
            double gBefore = 0;
            for (int j = 0; j < fCount && x > 0; j++) {
                double use = Math.min(split[at + 2 + j] - gBefore, x);
                gUsed += use;
                x -= use;
                gBefore = split[at + 2 + j];
                use = Math.min(fLen[j], x);
                fUsed += use;
                x -= use;
            }
            gUsed += Math.min(Math.max(0, split[at + 1] - gBefore), x);
            delta[t] = Math.min(fHi, fLo + fUsed);
            u = (gLeft + gUsed) / k;
        }
        return new Result(objective, above, delta);
    }

    /**
     * Records, before step t's cost is merged in, the earlier energy's function g: its left end, its length, and for
     * each piece j of the step's cost the length of g with slopes up to that piece's (ties go to g first).
     */
    private void recordSplit(double[] split, int t, TreeMap<Double, double[]> segs, double fs, double fl,
            double left, double right) {
        int at = t * SPLIT;
        split[at] = left;
        split[at + 1] = right - left;
        double cumulative = 0;
        int j = 0;
        for (Map.Entry<Double, double[]> e : segs.entrySet()) {
            double slope = e.getKey() * fs;
            while (j < fCount && slope > fSlope[j]) {
                split[at + 2 + j++] = cumulative;
            }
            if (j == fCount) {
                break;
            }
            cumulative += e.getValue()[0] * fl;
        }
        while (j < fCount) {
            split[at + 2 + j++] = cumulative;
        }
    }

    private static double[] add(double[] a, double[] b) {
        a[0] += b[0];
        return a;
    }

    /**
     * The cost of step t as a function of the battery's energy change Δ: fills {@code fSlope/fLen/fCount},
     * {@code fLo, fHi} and {@code fAtLo}, and the knapsack of the grid-side moves at Δ = 0.
     */
    private void stepCost(int t) {
        double load = in.loadKw()[t];
        double ren = in.renewableKw()[t];
        double netLoad = load - ren;
        sMaxKw = ren + Math.max(0, -load);
        double unmetMax = Math.max(0, load);
        double imp = in.importLimitKw();
        double exp = in.exportLimitKw();
        // an unlimited import or export never carries more than every other flow of the step together, so a
        // finite stand-in of that size leaves the optimum unchanged (export never earns more than import costs,
        // so buying to sell at once gains nothing)
        double big = b.chargeKw() + b.dischargeKw() + Math.abs(netLoad) + sMaxKw + unmetMax
                + (Double.isFinite(imp) ? imp : 0) + (Double.isFinite(exp) ? exp : 0) + 1;
        xCapKw = Math.min(exp, big);
        double importCap = Math.min(imp, big);
        // moves that raise the bus demand N = imp − exp − spill + unmet by one kW, from N_min (all exported and
        // spilled): spill less, export less, import, leave load unmet
        moveCost[0] = 0;
        moveLen[0] = sMaxKw;
        moveCost[1] = in.exportPrice(t) * dt;
        moveLen[1] = xCapKw;
        moveCost[2] = in.importCost(t) * dt;
        moveLen[2] = importCap;
        moveCost[3] = in.costs().unmetPenaltyYuanPerKwh() * dt;
        moveLen[3] = unmetMax;
        for (int i = 0; i < 4; i++) {
            order[i] = i;
        }
        for (int i = 1; i < 4; i++) { // stable insertion sort by cost
            int o = order[i];
            int j = i - 1;
            while (j >= 0 && moveCost[order[j]] > moveCost[o]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
        fill(netLoad + xCapKw + sMaxKw);
        double atZero = gridCost();
        double wear = in.costs().degradationYuanPerKwh() * dt / 2;
        double etaC = b.chargeEfficiency();
        double etaD = b.dischargeEfficiency();
        // discharging (Δ < 0) gives back the most expensive moves first
        double disLeft = b.dischargeKw();
        int count = 0;
        double disTotal = 0;
        double leftArea = 0;
        for (int p = 3; p >= 0 && disLeft > 0; p--) {
            int m = order[p];
            double use = Math.min(taken[m], disLeft);
            if (use > 0) {
                leftSlope[count] = (moveCost[m] - wear) * etaD / dt;
                leftLen[count] = use * dt / etaD;
                leftArea += leftSlope[count] * leftLen[count];
                count++;
                disLeft -= use;
                disTotal += use;
            }
        }
        fCount = 0;
        for (int i = count - 1; i >= 0; i--) {
            fSlope[fCount] = leftSlope[i];
            fLen[fCount] = leftLen[i];
            fCount++;
        }
        fLo = -disTotal * dt / etaD;
        fAtLo = atZero - leftArea;
        // charging (Δ > 0) takes the cheapest moves still free
        double chLeft = b.chargeKw();
        double chTotal = 0;
        for (int p = 0; p < 4 && chLeft > 0; p++) {
            int m = order[p];
            double use = Math.min(moveLen[m] - taken[m], chLeft);
            if (use > 0) {
                fSlope[fCount] = (moveCost[m] + wear) / (etaC * dt);
                fLen[fCount] = use * etaC * dt;
                fCount++;
                chLeft -= use;
                chTotal += use;
            }
        }
        fHi = chTotal * etaC * dt;
    }

    /** Takes {@code amount} kW of the moves, cheapest first, into {@code taken}. */
    private void fill(double amount) {
        double left = Math.max(0, amount);
        for (int p = 0; p < 4; p++) {
            int m = order[p];
            double use = Math.min(moveLen[m], left);
            taken[m] = use;
            left -= use;
        }
    }

    /** The cost of the grid-side flows in {@code taken}. */
    private double gridCost() {
        return moveCost[1] * taken[1] - moveCost[1] * xCapKw + moveCost[2] * taken[2] + moveCost[3] * taken[3];
    }

    /**
     * The grid-side flows of step t when the battery changes its energy by {@code deltaKwh}: {charge, discharge,
     * spill, import, export, unmet} in kW.
     */
    double[] flows(int t, double deltaKwh) {
        stepCost(t);
        double ch = deltaKwh > 0 ? Math.min(b.chargeKw(), deltaKwh / (b.chargeEfficiency() * dt)) : 0;
        double dis = deltaKwh < 0 ? Math.min(b.dischargeKw(), -deltaKwh * b.dischargeEfficiency() / dt) : 0;
        double netLoad = in.loadKw()[t] - in.renewableKw()[t];
        fill(netLoad + ch - dis + xCapKw + sMaxKw);
        return new double[] {ch, dis, sMaxKw - taken[0], taken[2], xCapKw - taken[1], taken[3]};
    }
}
