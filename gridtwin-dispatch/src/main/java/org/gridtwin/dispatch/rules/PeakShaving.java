package org.gridtwin.dispatch.rules;

import java.util.Arrays;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;

/**
 * Keeps grid import at or below a target: the battery discharges whatever net load exceeds the target, and
 * recharges (from surplus first, then from the grid) only with the headroom below it, so recharging never sets a
 * new peak.
 *
 * <p>The target is either the scenario's {@code import_cap_kw} or, without one, learned from what the site did:
 * <ul>
 *   <li>for each of the last {@value #HISTORY_DAYS} whole days, the level T_d above which that day's net load (load
 *       − renewables, by minute) holds exactly the energy the full battery delivers ((SoC max − min) × capacity ×
 *       discharge efficiency), and no lower than the day's peak − the rated discharge power; the target is the
 *       highest T_d, the level the battery could have held on the hardest recent day;</li>
 *   <li>within a calendar month the target never falls below the month's highest import so far: a demand charge
 *       bills the month's peak, so once it is set, holding import below it only spends energy for nothing.</li>
 * </ul>
 * Before the first whole day the battery only stores surplus. The rule sees only the past, so it is the same in
 * the simulation and live (docs/dispatch.md).
 */
public final class PeakShaving implements DispatchStrategy {
    public static final String NAME = "peak-shaving";
    static final int HISTORY_DAYS = 7;
    private final double importCapKw;
    private final MinuteProfiles netLoad = new MinuteProfiles(HISTORY_DAYS);
    private final double[] sorted = new double[MinuteProfiles.MINUTES];
    private double learnedTargetKw = Double.POSITIVE_INFINITY;
    private int month = -1;
    private double monthPeakImportKw;

    /** @param importCapKw a fixed target, kW, or {@code +∞} to learn it */
    public PeakShaving(double importCapKw) {
        if (!(importCapKw > 0)) {
            throw new IllegalArgumentException("peak shaving needs an import cap > 0 kW, got " + importCapKw);
        }
        this.importCapKw = importCapKw;
    }

    public double importCapKw() {
        return importCapKw;
    }

    /** The target in force for the next step, kW ({@code +∞} before the rule has learned one). */
    public double targetKw() {
        return Double.isFinite(importCapKw) ? importCapKw : Math.max(learnedTargetKw, monthPeakImportKw);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState s, Setpoints out) {
        if (!s.hasBattery()) {
            return; // nothing to ask of a battery the site does not have (the setpoint stays 0 kW)
        }
        double net = s.netLoadKw();
        if (Double.isFinite(importCapKw)) {
            // above the cap: discharge the excess; below it: charge with the headroom (negative setpoint)
            out.batteryKw(net - importCapKw);
            return;
        }
        if (netLoad.record(s, net)) {
            learnedTargetKw = learnTarget(s);
        }
        if (s.month() != month) {
            month = s.month();
            monthPeakImportKw = 0;
        }
        double target = targetKw();
        double wish = Double.isInfinite(target) ? Math.min(0, net) : net - target;
        out.batteryKw(wish);
        // what the bus will import: the net load less the discharge it can give, plus any charging from the grid
        double battery = Math.max(-s.maxChargeKw(), Math.min(wish, s.maxDischargeKw()));
        monthPeakImportKw = Math.max(monthPeakImportKw, net - battery);
    }

    /** The highest of the recent days' levels; +∞ when the site has no battery to shave with. */
    private double learnTarget(StepState s) {
        double energyKwh = s.usableDischargeKwh();
        if (!(energyKwh > 0) || !(s.dischargeRatedKw() > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double target = Double.NEGATIVE_INFINITY;
        for (int back = 1; back <= netLoad.completeDays(); back++) {
            target = Math.max(target, dayLevel(netLoad.day(back), energyKwh, s.dischargeRatedKw()));
        }
        return target == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.max(0, target);
    }

    /**
     * The level T with Σ max(0, x − T) / 60 = E over the day's minutes x (kW), raised to peak − P where the power
     * limits first. With the k largest values above T, T = (Σ of them − 60 E) / k, valid once it does not exceed
     * the k-th largest.
     */
    double dayLevel(double[] minutesKw, double energyKwh, double ratedKw) {
        int n = 0;
        for (double v : minutesKw) {
            if (!Double.isNaN(v)) {
                sorted[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        Arrays.sort(sorted, 0, n);
        double peak = sorted[n - 1];
        double sum = 0;
        double level = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= n; k++) {
            double kth = sorted[n - k];
            sum += kth;
            double next = k < n ? sorted[n - k - 1] : Double.NEGATIVE_INFINITY;
            double t = (sum - 60 * energyKwh) / k;
            if (t >= next) {
                level = Math.min(t, kth);
                break;
            }
        }
        return Math.max(level, peak - ratedKw);
    }
}
