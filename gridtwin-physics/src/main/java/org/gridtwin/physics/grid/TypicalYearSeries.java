package org.gridtwin.physics.grid;

import org.gridtwin.model.ProfileSeries;
import org.gridtwin.physics.time.TimeGrid;

/** Maps a typical-year profile onto a time grid, by local minute of year. */
public final class TypicalYearSeries {
    private TypicalYearSeries() {
    }

    /**
     * The profile's value for every step: the mean of the profile intervals a step covers when the profile is
     * finer than the step, else the value of the interval the step falls in.
     */
    public static double[] onto(ProfileSeries profile, TimeGrid grid) {
        int interval = profile.intervalMinutes();
        int stepMinutes = grid.stepSeconds() / 60;
        int per = Math.max(1, stepMinutes / interval);
        int n = grid.steps();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int first = grid.minuteOfYear(i) / interval;
            double sum = 0;
            for (int k = 0; k < per; k++) {
                sum += profile.value((first + k) % profile.size());
            }
            out[i] = sum / per;
        }
        return out;
    }
}
