package org.gridtwin.physics.load;

import java.time.DayOfWeek;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A production line: while a shift runs on a working day it finishes one car every {@code takt_seconds} and draws
 * {@code kwh_per_car / takt} continuously; the plant's base load runs always. A shift that runs past midnight
 * belongs to the day it started.
 */
public final class FactoryLineModel {
    private FactoryLineModel() {
    }

    public static LoadSeries series(LoadSpec.FactoryLine f, TimeGrid grid) {
        double lineKw = f.kwhPerCar() * 3600.0 / f.taktSeconds();
        int stepMin = grid.stepSeconds() / 60;
        double[] out = new double[grid.steps()];
        double[] line = new double[out.length];
        double[] base = new double[out.length];
        double productionSeconds = 0;
        for (int i = 0; i < out.length; i++) {
            int from = grid.minuteOfDay(i);
            DayOfWeek today = DayOfWeek.of(grid.dayOfWeek(i));
            int running = 0;
            for (int m = from; m < from + stepMin; m++) {
                if (runs(f, m % 1440, m >= 1440 ? today.plus(1) : today)) {
                    running++;
                }
            }
            double share = running / (double) stepMin;
            productionSeconds += share * grid.stepSeconds();
            base[i] = f.baseKw();
            line[i] = share * lineKw;
            out[i] = base[i] + line[i];
        }
        java.util.Map<String, double[]> parts = new java.util.LinkedHashMap<>();
        parts.put("line", line);
        parts.put("base", base);
        return new LoadSeries(f, out, productionSeconds / f.taktSeconds(), parts);
    }

    /** Whether minute {@code minuteOfDay} of {@code day} is inside a shift on a working day. */
    static boolean runs(LoadSpec.FactoryLine f, int minuteOfDay, DayOfWeek day) {
        for (LoadSpec.Shift s : f.shifts()) {
            if (s.toMinute() > s.fromMinute()) {
                if (minuteOfDay >= s.fromMinute() && minuteOfDay < s.toMinute() && f.workingDays().contains(day)) {
                    return true;
                }
            } else if (minuteOfDay >= s.fromMinute() && f.workingDays().contains(day)
                    || minuteOfDay < s.toMinute() && f.workingDays().contains(day.minus(1))) {
                return true;
            }
        }
        return false;
    }
}
