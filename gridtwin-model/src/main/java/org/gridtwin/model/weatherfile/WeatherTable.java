package org.gridtwin.model.weatherfile;

import java.util.Arrays;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.yaml.Problems;

/**
 * Collects the records of a typical-year weather file by their position in the year, then checks and completes
 * them: every record placed once (duplicates and records out of order are errors), gaps of up to
 * {@value #MAX_GAP_RECORDS} records interpolated linearly, longer gaps an error naming the file, the line after
 * the gap and its time. Values are NaN until set.
 */
final class WeatherTable {
    /** The longest run of missing records that is filled by interpolation (3 h for hourly files). */
    static final int MAX_GAP_RECORDS = 3;
    static final int GHI = 0;
    static final int DNI = 1;
    static final int DHI = 2;
    static final int TEMPERATURE = 3;
    static final int WIND = 4;
    static final int PRESSURE = 5;
    static final String[] NAMES = {"GHI", "DNI", "DHI", "temperature", "wind speed", "pressure"};

    private final String file;
    private final Problems problems;
    private final int intervalMinutes;
    private final int records;
    private final double[][] values;
    private final int[] line;
    private final boolean[] present;
    private int lastIndex = -1;

    WeatherTable(String file, Problems problems, int intervalMinutes, boolean[] present) {
        this.file = file;
        this.problems = problems;
        this.intervalMinutes = intervalMinutes;
        this.records = 365 * 1440 / intervalMinutes;
        this.values = new double[6][records];
        this.line = new int[records];
        this.present = present.clone();
        for (double[] v : values) {
            Arrays.fill(v, Double.NaN);
        }
    }

    int records() {
        return records;
    }

    /**
     * Places a record whose interval ends {@code endMinuteOfYear} minutes after January 1 00:00 (file time).
     * February 29 of a leap-year file is dropped (typical years have 365 days). Returns the record index or −1.
     */
    int place(int endMinuteOfYear, int lineNo, String timeText) {
        int index = endMinuteOfYear / intervalMinutes - 1;
        if (endMinuteOfYear % intervalMinutes != 0 || index < 0 || index >= records) {
            problems.add(file, lineNo, 0, "time", timeText, "is not the end of a " + intervalMinutes
                    + "-minute interval of the year");
            return -1;
        }
        if (line[index] != 0) {
            problems.add(file, lineNo, 0, "time", timeText, "is a duplicate of line " + line[index]);
            return -1;
        }
        if (index < lastIndex) {
            problems.add(file, lineNo, 0, "time", timeText, "is out of order: it comes before line "
                    + line[lastIndex]);
            return -1;
        }
        lastIndex = index;
        line[index] = lineNo;
        return index;
    }

    /** Sets one value; NaN means missing (to be interpolated if the gap is short). */
    void set(int index, int column, double value) {
        values[column][index] = value;
    }

    /** Checks coverage, fills short gaps, and returns the columns, or null after reporting problems. */
    WeatherFile.Columns finish(String timeLabel) {
        int filled = 0;
        for (int c = 0; c < values.length; c++) {
            if (!present[c]) {
                continue;
            }
            filled += fill(c, timeLabel);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        interpolated = filled;
        return new WeatherFile.Columns(values[GHI], present[DNI] ? values[DNI] : null,
                present[DHI] ? values[DHI] : null, values[TEMPERATURE], values[WIND],
                present[PRESSURE] ? values[PRESSURE] : null);
    }

    private int interpolated;

    int interpolated() {
        return interpolated;
    }

    private int fill(int c, String timeLabel) {
        double[] v = values[c];
        int filled = 0;
        int i = 0;
        while (i < records) {
            if (!Double.isNaN(v[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < records && Double.isNaN(v[i])) {
                i++;
            }
            int length = i - start;
            // the year wraps: a gap at the start or the end borrows from the other end
            double before = v[Math.floorMod(start - 1, records)];
            double after = v[i % records];
            if (length > MAX_GAP_RECORDS || Double.isNaN(before) || Double.isNaN(after)) {
                int reportLine = i < records && line[i] != 0 ? line[i] : (start > 0 ? line[start - 1] : 0);
                problems.add(file, reportLine, 0, NAMES[c], length + " missing records",
                        "is a gap longer than " + MAX_GAP_RECORDS + " records, from " + timeLabel(start, timeLabel)
                                + " to " + timeLabel(i - 1, timeLabel) + " (fill it or use another file)");
                continue;
            }
            for (int k = 0; k < length; k++) {
                double f = (k + 1.0) / (length + 1);
                v[start + k] = before + f * (after - before);
            }
            filled += length;
        }
        return filled;
    }

    /** "MM-DD HH:MM" of the end of record i, in file time. */
    String timeLabel(int index, String zoneLabel) {
        int end = (index + 1) * intervalMinutes;
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2023, 1, 1, 0, 0).plusMinutes(end);
        return String.format("%02d-%02d %02d:%02d %s", t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), zoneLabel);
    }
}
