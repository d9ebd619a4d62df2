package org.gridtwin.model;

import java.util.Arrays;

/**
 * A typical-year series read from a file: equally spaced values starting on January 1 at 00:00 local time,
 * repeated every year. Immutable; the values are copied in and out.
 */
public final class ProfileSeries {
    private final double[] values;
    private final int intervalMinutes;
    private final String source;

    public ProfileSeries(double[] values, int intervalMinutes, String source) {
        this.values = values.clone();
        this.intervalMinutes = intervalMinutes;
        this.source = source;
    }

    public int size() {
        return values.length;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public String source() {
        return source;
    }

    public double value(int index) {
        return values[index];
    }

    public double[] toArray() {
        return values.clone();
    }

    public double mean() {
        return Arrays.stream(values).average().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileSeries p && p.intervalMinutes == intervalMinutes
                && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + intervalMinutes;
    }

    @Override
    public String toString() {
        return "ProfileSeries[" + values.length + " values every " + intervalMinutes + " min from " + source + "]";
    }
}
