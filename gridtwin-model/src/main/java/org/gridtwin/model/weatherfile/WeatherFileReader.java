package org.gridtwin.model.weatherfile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.yaml.Problems;
import org.gridtwin.model.yaml.YamlNode;

/**
 * Reads typical-year weather files: EPW (EnergyPlus), TMY3 (NSRDB CSV) and CSV with a column mapping. Every bad
 * value is reported with file, line, column and rule; nothing is read as a silent zero.
 */
public final class WeatherFileReader {
    /** Plausible ranges; values outside are errors, the formats' missing-value markers become gaps. */
    static final double MAX_IRRADIANCE_WM2 = 1500;
    static final double MIN_TEMPERATURE_C = -70;
    static final double MAX_TEMPERATURE_C = 70;
    static final double MAX_WIND_MS = 60;
    static final double MIN_PRESSURE_PA = 30_000;
    static final double MAX_PRESSURE_PA = 120_000;

    private final Path file;
    private final String name;
    private final Problems problems;
    private final YamlNode at;

    private WeatherFileReader(Path file, Problems problems, YamlNode at) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.problems = problems;
        this.at = at;
    }

    /**
     * Reads an EPW file.
     *
     * @param at the scenario node naming the file, where "does not exist" is reported
     */
    public static WeatherFile readEpw(Path file, double windHeightM, Problems problems, YamlNode at) {
        return new WeatherFileReader(file, problems, at).epw(windHeightM);
    }

    /** Reads an NSRDB TMY3 CSV file. */
    public static WeatherFile readTmy3(Path file, double windHeightM, Problems problems, YamlNode at) {
        return new WeatherFileReader(file, problems, at).tmy3(windHeightM);
    }

    /** Reads a CSV file with the given mapping. */
    public static WeatherFile readCsv(Path file, CsvMapping mapping, Problems problems, YamlNode at) {
        return new WeatherFileReader(file, problems, at).csv(mapping);
    }

    /**
     * How to read a generic CSV weather file.
     *
     * @param timeColumn        column with local standard date-times, ISO style ({@code 2023-01-01T01:00} or
     *                          {@code 2023-01-01 01:00}); the year is ignored
     * @param utcOffsetHours    offset of the file's standard time from UTC
     * @param intervalMinutes   record length
     * @param timeIsIntervalEnd whether the time stamps the end (true, as EPW/TMY3) or the start of each interval
     * @param columns           quantity → column name, quantities {@code ghi_wm2}, {@code dni_wm2},
     *                          {@code dhi_wm2}, {@code temperature_c}, {@code wind_m_per_s}, {@code pressure_pa}
     * @param windHeightM       height of the wind speeds
     */
    public record CsvMapping(String timeColumn, double utcOffsetHours, int intervalMinutes, boolean timeIsIntervalEnd,
            Map<String, String> columns, double windHeightM) {
    }

    private List<String> lines() {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            List<String> out = new ArrayList<>(9000);
            String l;
            while ((l = in.readLine()) != null) {
                out.add(l);
            }
            return out;
        } catch (NoSuchFileException e) {
            at.report("does not exist (looked for " + file + ")");
        } catch (IOException e) {
            at.report("cannot be read: " + e.getMessage());
        }
        return null;
    }

    private WeatherFile epw(double windHeightM) {
        List<String> lines = lines();
        if (lines == null) {
            return null;
        }
        if (lines.size() < 9 || !lines.get(0).startsWith("LOCATION")) {
            problems.add(name, 1, 1, "(header)", null, "is not an EPW file: the first line must start with LOCATION");
            return null;
        }
        String[] loc = lines.get(0).split(",");
        double tz = header(loc, 8, 1, "time zone", -12, 14);
        int perHour = 1;
        String[] periods = lines.get(7).split(",");
        if (periods.length > 2 && periods[0].startsWith("DATA PERIODS")) {
            perHour = (int) header(periods, 2, 8, "records per hour", 1, 60);
        }
        if (Double.isNaN(tz) || perHour <= 0 || 60 % perHour != 0) {
            return null;
        }
        int interval = 60 / perHour;
        WeatherTable t = new WeatherTable(name, problems, interval, new boolean[] {true, true, true, true, true, true});
        for (int i = 8; i < lines.size(); i++) {
            int lineNo = i + 1;
            String[] f = lines.get(i).split(",", -1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (f.length < 22) {
                problems.add(name, lineNo, 0, "(record)", null, "has " + f.length + " fields; an EPW record has 35");
                continue;
            }
            int month = intField(f, 1, lineNo, "month", 1, 12);
            int day = intField(f, 2, lineNo, "day", 1, 31);
            int hour = intField(f, 3, lineNo, "hour", 1, 24);
            int minute = intField(f, 4, lineNo, "minute", 0, 60);
            if (month < 0 || day < 0 || hour < 0 || minute < 0) {
                continue;
            }
            // hourly EPW records end at the hour (minute 0 or 60); sub-hourly ones at (hour − 1):minute
            int endInDay = interval == 60 || minute == 0 || minute == 60 ? hour * 60 : (hour - 1) * 60 + minute;
            int index = placeInYear(t, month, day, endInDay, lineNo, f[1] + "/" + f[2] + " " + f[3] + ":" + f[4]);
            if (index < 0) {
                continue;
            }
            t.set(index, WeatherTable.TEMPERATURE, value(f, 6, lineNo, "dry bulb °C", 99.9, MIN_TEMPERATURE_C,
                    MAX_TEMPERATURE_C));
            t.set(index, WeatherTable.PRESSURE, value(f, 9, lineNo, "pressure Pa", 999_999, MIN_PRESSURE_PA,
                    MAX_PRESSURE_PA));
            t.set(index, WeatherTable.GHI, value(f, 13, lineNo, "GHI Wh/m²", 9999, 0, MAX_IRRADIANCE_WM2));
            t.set(index, WeatherTable.DNI, value(f, 14, lineNo, "DNI Wh/m²", 9999, 0, MAX_IRRADIANCE_WM2));
            t.set(index, WeatherTable.DHI, value(f, 15, lineNo, "DHI Wh/m²", 9999, 0, MAX_IRRADIANCE_WM2));
            t.set(index, WeatherTable.WIND, value(f, 21, lineNo, "wind speed m/s", 999, 0, MAX_WIND_MS));
        }
        return finish(t, WeatherFile.Format.EPW, tz, interval, windHeightM);
    }

    private WeatherFile tmy3(double windHeightM) {
        List<String> lines = lines();
        if (lines == null) {
            return null;
        }
        if (lines.size() < 3) {
            problems.add(name, 1, 1, "(header)", null, "is not a TMY3 file: it needs a site line, a header line and "
                    + "data");
            return null;
        }
        double tz = header(lines.get(0).split(","), 3, 1, "time zone", -12, 14);
        List<String> header = Arrays.asList(lines.get(1).split(","));
        int ghi = column(header, "GHI (W/m^2)", 2);
        int dni = column(header, "DNI (W/m^2)", 2);
        int dhi = column(header, "DHI (W/m^2)", 2);
        int temp = column(header, "Dry-bulb (C)", 2);
        int pressure = column(header, "Pressure (mbar)", 2);
        int wind = column(header, "Wspd (m/s)", 2);
        if (Double.isNaN(tz) || ghi < 0 || dni < 0 || dhi < 0 || temp < 0 || wind < 0 || pressure < 0) {
            return null;
        }
        WeatherTable t = new WeatherTable(name, problems, 60, new boolean[] {true, true, true, true, true, true});
        for (int i = 2; i < lines.size(); i++) {
            int lineNo = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            String[] date = f[0].split("/");
            String[] time = f.length > 1 ? f[1].split(":") : new String[0];
            int month = date.length == 3 ? parseInt(date[0]) : -1;
            int day = date.length == 3 ? parseInt(date[1]) : -1;
            int hour = time.length == 2 ? parseInt(time[0]) : -1;
            if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 1 || hour > 24 || f.length < header.size()) {
                problems.add(name, lineNo, 1, "Date,Time", f[0] + (f.length > 1 ? " " + f[1] : ""),
                        "must be MM/DD/YYYY,HH:MM with hours 01:00..24:00 and all " + header.size() + " columns");
                continue;
            }
            int index = placeInYear(t, month, day, hour * 60, lineNo, f[0] + " " + f[1]);
            if (index < 0) {
                continue;
            }
            t.set(index, WeatherTable.GHI, value(f, ghi, lineNo, header.get(ghi), -9900, 0, MAX_IRRADIANCE_WM2));
            t.set(index, WeatherTable.DNI, value(f, dni, lineNo, header.get(dni), -9900, 0, MAX_IRRADIANCE_WM2));
            t.set(index, WeatherTable.DHI, value(f, dhi, lineNo, header.get(dhi), -9900, 0, MAX_IRRADIANCE_WM2));
            t.set(index, WeatherTable.TEMPERATURE, value(f, temp, lineNo, header.get(temp), -9900,
                    MIN_TEMPERATURE_C, MAX_TEMPERATURE_C));
            t.set(index, WeatherTable.WIND, value(f, wind, lineNo, header.get(wind), -9900, 0, MAX_WIND_MS));
            double mbar = value(f, pressure, lineNo, header.get(pressure), -9900, MIN_PRESSURE_PA / 100,
                    MAX_PRESSURE_PA / 100);
            t.set(index, WeatherTable.PRESSURE, mbar * 100);
        }
        return finish(t, WeatherFile.Format.TMY3, tz, 60, windHeightM);
    }

    private WeatherFile csv(CsvMapping m) {
        List<String> lines = lines();
        if (lines == null) {
            return null;
        }
        if (lines.isEmpty()) {
            problems.add(name, 1, 1, "(header)", null, "is empty");
            return null;
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int timeCol = column(header, m.timeColumn(), 1);
        String[] quantities = {"ghi_wm2", "dni_wm2", "dhi_wm2", "temperature_c", "wind_m_per_s", "pressure_pa"};
        int[] cols = new int[6];
        boolean[] present = new boolean[6];
        for (int q = 0; q < 6; q++) {
            String col = m.columns().get(quantities[q]);
            present[q] = col != null;
            cols[q] = col == null ? -1 : column(header, col, 1);
        }
        if (timeCol < 0 || (present[0] && cols[0] < 0) || (present[3] && cols[3] < 0) || (present[4] && cols[4] < 0)
                || (present[1] && cols[1] < 0) || (present[2] && cols[2] < 0) || (present[5] && cols[5] < 0)) {
            return null;
        }
        if (present[1] != present[2]) {
            at.report("must map both dni_wm2 and dhi_wm2, or neither (GHI is then decomposed)");
            return null;
        }
        double[] min = {0, 0, 0, MIN_TEMPERATURE_C, 0, MIN_PRESSURE_PA};
        double[] max = {MAX_IRRADIANCE_WM2, MAX_IRRADIANCE_WM2, MAX_IRRADIANCE_WM2, MAX_TEMPERATURE_C, MAX_WIND_MS,
            MAX_PRESSURE_PA};
        WeatherTable t = new WeatherTable(name, problems, m.intervalMinutes(), present);
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            String stamp = timeCol < f.length ? f[timeCol].strip() : "";
            LocalDateTime time;
            try {
                time = LocalDateTime.parse(stamp.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                problems.add(name, lineNo, timeCol + 1, m.timeColumn(), stamp,
                        "must be a local date-time like 2023-01-01T01:00");
                continue;
            }
            int end = time.getHour() * 60 + time.getMinute() + (m.timeIsIntervalEnd() ? 0 : m.intervalMinutes());
            LocalDate day = time.toLocalDate();
            if (end == 0 && m.timeIsIntervalEnd()) {
                // "00:00" stamps the end of the previous day's last interval
                day = day.minusDays(1);
                end = 1440;
            }
            int index = placeInYear(t, day.getMonthValue(), day.getDayOfMonth(), end, lineNo, stamp);
            if (index < 0) {
                continue;
            }
            for (int q = 0; q < 6; q++) {
                if (present[q]) {
                    t.set(index, q, value(f, cols[q], lineNo, header.get(cols[q]), Double.NaN, min[q], max[q]));
                }
            }
        }
        return finish(t, WeatherFile.Format.CSV, m.utcOffsetHours(), m.intervalMinutes(), m.windHeightM());
    }

    private int placeInYear(WeatherTable t, int month, int day, int endMinuteOfDay, int lineNo, String timeText) {
        if (month == 2 && day == 29) {
            return -1; // typical years have 365 days; a leap day is dropped
        }
        int dayOfYear;
        try {
            dayOfYear = LocalDate.of(2023, month, day).getDayOfYear() - 1;
        } catch (DateTimeException e) {
            problems.add(name, lineNo, 0, "date", timeText, "is not a calendar date");
            return -1;
        }
        return t.place(dayOfYear * 1440 + endMinuteOfDay, lineNo, timeText);
    }

    private WeatherFile finish(WeatherTable t, WeatherFile.Format format, double utcOffsetHours, int interval,
            double windHeightM) {
        String zone = String.format("UTC%+.1f", utcOffsetHours).replace(".0", "");
        WeatherFile.Columns columns = t.finish(zone);
        if (columns == null) {
            return null;
        }
        return new WeatherFile(name, format, (int) Math.round(utcOffsetHours * 3600), interval, windHeightM, columns,
                t.interpolated(), 0);
    }

    private double header(String[] fields, int index, int lineNo, String what, double min, double max) {
        if (index >= fields.length) {
            problems.add(name, lineNo, index + 1, what, null, "is missing from the header line");
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(fields[index].strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name, lineNo, index + 1, what, fields[index], "must be a number in [" + min + ", " + max + "]");
        return Double.NaN;
    }

    private int column(List<String> header, String wanted, int headerLine) {
        int c = header.indexOf(wanted);
        if (c < 0) {
            problems.add(name, headerLine, 0, wanted, null, "is not a column of the header (columns: "
                    + String.join(", ", header) + ")"
                    + org.gridtwin.model.DidYouMeanHint.hint(wanted, header));
        }
        return c;
    }

    private int intField(String[] f, int index, int lineNo, String what, int min, int max) {
        int v = parseInt(f[index]);
        if (v < min || v > max) {
            problems.add(name, lineNo, index + 1, what, f[index], "must be a whole number in [" + min + ", " + max
                    + "]");
            return -1;
        }
        return v;
    }

    /**
     * A value, or NaN for the format's missing marker or an empty cell (a gap). Anything else out of range is an
     * error at its line and column.
     */
    private double value(String[] f, int index, int lineNo, String what, double missingMarker, double min,
            double max) {
        String cell = index < f.length ? f[index].strip() : "";
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            problems.add(name, lineNo, index + 1, what, cell, "must be a number");
            return Double.NaN;
        }
        if (v == missingMarker || Double.isNaN(v)) {
            return Double.NaN;
        }
        if (v < min || v > max) {
            problems.add(name, lineNo, index + 1, what, cell, "must be in [" + fmt(min) + ", " + fmt(max) + "]");
            return Double.NaN;
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
