package org.gridtwin.physics.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A site's faults laid onto a time grid: per step whether the public grid and the battery are there, and the share
 * of each wind farm's turbines and each PV array's inverter that run. A fault that touches any part of a step
 * covers the whole step (a step either rides through it or not). Random faults are drawn once, from the events'
 * seed, so the engine and the live twin see the same ones.
 *
 * <p>Random grid outages arrive as a Poisson process with SAIFI interruptions a year and last an exponential time
 * with mean SAIDI / SAIFI (IEEE 1366 defines both indices). Forced outages follow the two-state (up/down) Markov
 * model of each unit: exponential times to failure with mean 8,760 h / rate and to repair with mean MTTR (Billinton
 * and Allan, <i>Reliability Evaluation of Power Systems</i>, ch. 2 and 11). Units start the period running.
 *
 * @param gridUp        the public grid is available in the step
 * @param batteryUp     the battery is available in the step
 * @param assetUpShare  share of an asset's units running per step, by wind farm or PV array id (only assets with
 *                      forced outages)
 * @param measurement   per faulted quantity, per step: {@link #MEASURED}, {@link #LOST} or {@link #STUCK} (only
 *                      quantities with faults)
 */
public record FaultSchedule(boolean[] gridUp, boolean[] batteryUp, Map<String, double[]> assetUpShare,
        Map<FaultEvents.Quantity, byte[]> measurement) {
    private static final double HOURS_PER_YEAR = 8760;
    /** {@link #measurement} codes. */
    public static final byte MEASURED = 0;
    public static final byte LOST = 1;
    public static final byte STUCK = 2;

    public FaultSchedule {
        assetUpShare = Collections.unmodifiableMap(new LinkedHashMap<>(assetUpShare));
        measurement = measurement.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new java.util.EnumMap<>(measurement));
    }

    /** Steps {@code [fromStep, toStep)}. */
    public record StepRange(int fromStep, int toStep) {
        public int steps() {
            return toStep - fromStep;
        }
    }

    /** Nothing fails. */
    public static FaultSchedule none(int steps) {
        boolean[] up = new boolean[steps];
        Arrays.fill(up, true);
        return new FaultSchedule(up, up.clone(), Map.of(), Map.of());
    }

    /** The site's events ({@code site.resilience().events()}) on {@code grid}. */
    public static FaultSchedule of(Site site, TimeGrid grid) {
        FaultEvents ev = site.resilience().events();
        int n = grid.steps();
        boolean[] gridUp = new boolean[n];
        Arrays.fill(gridUp, true);
        boolean[] batteryUp = gridUp.clone();
        long t0 = grid.start().getEpochSecond();
        long t1 = t0 + (long) n * grid.stepSeconds();
        SplittableRandom random = new SplittableRandom(ev.seed() * 0x9E3779B97F4A7C15L + site.id().hashCode());
        for (FaultEvents.Window w : ev.gridOutages()) {
            markDown(gridUp, grid, w.start().getEpochSecond(), w.end().getEpochSecond());
        }
        if (ev.randomGridOutages() != null) {
            // each source of randomness has its own stream, so adding a forced outage does not move the grid's
            SplittableRandom r = random.split();
            FaultEvents.RandomOutages ro = ev.randomGridOutages();
            double meanGapS = HOURS_PER_YEAR * 3600 / ro.saifiPerYear();
            double meanDownS = ro.meanHours() * 3600;
            double t = t0 + exponential(r, meanGapS);
            while (t < t1) {
                double down = exponential(r, meanDownS);
                markDown(gridUp, grid, (long) Math.floor(t), (long) Math.ceil(t + down));
                t += down + exponential(r, meanGapS);
            }
        }
        for (FaultEvents.Window w : ev.batteryUnavailable()) {
            markDown(batteryUp, grid, w.start().getEpochSecond(), w.end().getEpochSecond());
        }
        Map<String, double[]> share = new LinkedHashMap<>();
        for (FaultEvents.ForcedOutage f : ev.forcedOutages()) {
            SplittableRandom r = random.split();
            if ("battery".equals(f.asset())) {
                unitDownTimes(r, f, t0, t1, (from, to) -> markDown(batteryUp, grid, from, to));
                continue;
            }
            int units = units(site, f.asset());
            double[] up = share.computeIfAbsent(f.asset(), k -> filled(n, 1.0));
            for (int u = 0; u < units; u++) {
                boolean[] unitUp = filledTrue(n);
                unitDownTimes(r, f, t0, t1, (from, to) -> markDown(unitUp, grid, from, to));
                for (int i = 0; i < n; i++) {
                    if (!unitUp[i]) {
                        up[i] -= 1.0 / units;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                up[i] = Math.max(0, up[i]);
            }
        }
        Map<FaultEvents.Quantity, byte[]> measurement = new java.util.EnumMap<>(FaultEvents.Quantity.class);
        for (FaultEvents.MeasurementFault mf : ev.measurementFaults()) {
            byte[] codes = measurement.computeIfAbsent(mf.quantity(), q -> new byte[n]);
            boolean[] hit = filledTrue(n);
            markDown(hit, grid, mf.window().start().getEpochSecond(), mf.window().end().getEpochSecond());
            for (int i = 0; i < n; i++) {
                if (!hit[i]) {
                    // a lost reading outranks a stuck one where both apply
                    if (mf.mode() == FaultEvents.FaultMode.LOST) {
                        codes[i] = LOST;
                    } else if (codes[i] == MEASURED) {
                        codes[i] = STUCK;
                    }
                }
            }
        }
        return new FaultSchedule(gridUp, batteryUp, share, measurement);
    }

    /** How many units an asset has: a wind farm's turbines, one inverter per PV array. */
    private static int units(Site site, String asset) {
        for (WindFarm w : site.wind()) {
            if (w.id().equals(asset)) {
                return w.count();
            }
        }
        for (PvArray p : site.pv()) {
            if (p.id().equals(asset)) {
                return 1;
            }
        }
        throw new IllegalArgumentException("site " + site.id() + " has no asset " + asset);
    }

    private interface DownWindow {
        void mark(long fromEpochSecond, long toEpochSecond);
    }

    private static void unitDownTimes(SplittableRandom r, FaultEvents.ForcedOutage f, long t0, long t1,
            DownWindow out) {
        double meanUpS = HOURS_PER_YEAR * 3600 / f.perYear();
        double meanDownS = f.meanTimeToRepairHours() * 3600;
        double t = t0 + exponential(r, meanUpS);
        while (t < t1) {
            double down = exponential(r, meanDownS);
            out.mark((long) Math.floor(t), (long) Math.ceil(t + down));
            t += down + exponential(r, meanUpS);
        }
    }

    private static double exponential(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    /** Marks every step that overlaps [from, to) as down. */
    static void markDown(boolean[] up, TimeGrid grid, long fromEpochSecond, long toEpochSecond) {
        long t0 = grid.start().getEpochSecond();
        long step = grid.stepSeconds();
        long first = Math.max(0, Math.floorDiv(fromEpochSecond - t0, step));
        long last = Math.min(up.length, Math.floorDiv(toEpochSecond - t0 + step - 1, step));
        for (long i = first; i < last; i++) {
            up[(int) i] = false;
        }
    }

    /** The grid outages as step ranges, in time order. */
    public List<StepRange> gridOutages() {
        boolean[] up = gridUp;
        List<StepRange> out = new ArrayList<>();
        int i = 0;
        while (i < up.length) {
            if (up[i]) {
                i++;
                continue;
            }
            int from = i;
            while (i < up.length && !up[i]) {
                i++;
            }
            out.add(new StepRange(from, i));
        }
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static boolean[] filledTrue(int n) {
        boolean[] a = new boolean[n];
        Arrays.fill(a, true);
        return a;
    }

    /** Steps with the grid down among the first {@code steps} (a result may hold fewer steps than its inputs). */
    public int gridDownSteps(int steps) {
        int c = 0;
        for (int i = 0; i < steps; i++) {
            if (!gridUp[i]) {
                c++;
            }
        }
        return c;
    }
}
