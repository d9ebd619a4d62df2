package org.gridtwin.dispatch.rules;

import org.gridtwin.dispatch.StepState;

/**
 * What a rule remembers of the recent past: one value per local minute of the day for the last few days, a ring of
 * days. A step longer than a minute fills every minute it covers, so the same memory serves 1-second live cycles
 * and hourly simulation steps. Allocated once per strategy; recording allocates nothing.
 */
final class MinuteProfiles {
    static final int MINUTES = 1440;
    private final double[][] days;
    private int today = -1;
    private int completeDays;
    private int lastMinute = -1;
    private long lastEpochSecond = Long.MIN_VALUE;

    MinuteProfiles(int days) {
        this.days = new double[days][MINUTES];
    }

    /**
     * Records {@code value} for the minutes the step covers.
     *
     * @return true when this step began a new local day (the previous day is then complete)
     */
    boolean record(StepState s, double value) {
        int minute = s.minuteOfDay();
        // a new day when the clock of the day went back, or a whole day passed between two calls
        boolean newDay = today < 0 || minute < lastMinute || s.epochSecond() - lastEpochSecond >= 86_400;
        if (newDay) {
            if (today >= 0) {
                completeDays = Math.min(completeDays + 1, days.length);
            }
            today = (today + 1) % days.length;
            java.util.Arrays.fill(days[today], Double.NaN);
        }
        int covered = Math.max(1, (int) Math.round(s.stepHours() * 60));
        double[] d = days[today];
        for (int m = minute; m < Math.min(MINUTES, minute + covered); m++) {
            d[m] = value;
        }
        lastMinute = minute;
        lastEpochSecond = s.epochSecond();
        return newDay && completeDays > 0;
    }

    /** Days recorded whole (each began and was followed by another). */
    int completeDays() {
        return completeDays;
    }

    /**
     * A complete day, {@code back} = 1 for yesterday; minutes the harness never reached (a run starting mid-day)
     * are NaN.
     */
    double[] day(int back) {
        return days[Math.floorMod(today - back, days.length)];
    }
}
