package org.gridtwin.model.weatherfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Weather files for the readers' tests (src/test/resources/weather, see the README there): three made-up days in
 * each format a scenario can name — EPW, TMY3 and mapped CSV — repeated into a typical year (2023, 365 days: day d of
 * the year takes fixture day d mod 3) because the readers want a whole year. The rows are written as the formats' own
 * files write them (all 35 EPW fields with source flags, all 68 TMY3 columns, CRLF line ends). The EPW days are
 * written here from the CSV fixture's values, so the repository holds no .epw file (the only one the project
 * reads is the reference weather beside it, which must not be copied in).
 */
public final class WeatherFixtures {
    /** GHI of each fixture day, Wh/m², the sum of its 24 rows (README). */
    public static final double[] DAY_GHI_WH_M2 = {4750, 1662, 3324};
    /** Mean wind speed of each fixture day, m/s (README). */
    public static final double[] DAY_MEAN_WIND_MS = {102.4 / 24, 8.0, 5.5};
    /** Days of the year taken from fixture days 1, 2 and 3: 365 = 122 + 122 + 121. */
    public static final int[] DAYS_OF_EACH = {122, 122, 121};

    private WeatherFixtures() {
    }

    /** GHI of the tiled year, Wh/m²: 122 × 4,750 + 122 × 1,662 + 121 × 3,324 = 1,184,468. */
    public static double annualGhiWhM2() {
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += DAYS_OF_EACH[k] * DAY_GHI_WH_M2[k];
        }
        return sum;
    }

    /** The eight EPW header lines of the fixture site (coastal Zhejiang, 29.90° N 121.90° E, UTC+8). */
    private static final List<String> EPW_HEADER = List.of(
            "LOCATION,GridTwin fixture,Zhejiang,CHN,synthetic,999999,29.90,121.90,8.0,5.0",
            "DESIGN CONDITIONS,1,made for the tests,,Heating,1,-2.0,-1.0,-11.0,1.2,2.4,-9.0,1.6,2.7,8,4.5,7,5.3,1.8,320,Cooling,7,7.5,35.5,26.5,34.6,26.4,33.3,26.2,28.0,32.5,27.5,32.0,27.0,31.4,3.5,180,Extremes,9.5,8.2,7.1,30.0,-4.5,37.5",
            "TYPICAL/EXTREME PERIODS,1,Winter - Week Nearest Average Temperature For Period,Typical,1/ 1,1/ 3",
            "GROUND TEMPERATURES,1,.5,,,,7.0,8.5,12.0,15.5,22.0,26.0,27.0,25.5,21.5,16.0,11.0,7.5",
            "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
            "COMMENTS 1,Three made-up days (clear / overcast / broken cloud) for GridTwin tests; the tests repeat them into a year",
            "COMMENTS 2,Day 3 has two missing dry-bulb values (99.9) at 14:00 and 15:00",
            "DATA PERIODS,1,1,Data,Sunday, 1/ 1, 1/ 3");

    /**
     * The three days as EPW records: hour-ending rows (minute 60) from the CSV fixture's interval-start rows, a
     * missing dry bulb written as 99.9; the fields the readers skip (dew point = dry bulb − 3 K, RH 75 %, horizontal
     * infrared 300 Wh/m², wind direction 180°, the illuminances and the rest) hold valid EPW values.
     */
    public static List<String> epwThreeDays() {
        List<String> csv = resourceLines("three-days.csv");
        List<String> out = new ArrayList<>(EPW_HEADER);
        for (String row : csv.subList(1, csv.size())) {
            String[] c = row.split(",", -1); // timestamp, ghi, dni, dhi, temp_air, wind_speed, pressure
            LocalDate date = LocalDate.parse(c[0].substring(0, 10));
            int hourEnding = Integer.parseInt(c[0].substring(11, 13)) + 1;
            String temp = c[4].isEmpty() ? "99.9" : c[4];
            String dew = c[4].isEmpty() ? "99.9" : String.format(java.util.Locale.ROOT, "%.1f",
                    Double.parseDouble(c[4]) - 3.0);
            out.add(String.join(",", "2023", Integer.toString(date.getMonthValue()),
                    Integer.toString(date.getDayOfMonth()), Integer.toString(hourEnding), "60",
                    "?9?9?9?9E0?9?9?9*9*9?9*9*9?9?9?9?9?9*9*_*9*9*9*9*9", temp, dew, "75", c[6], "9999", "9999",
                    "300", c[1], c[2], c[3], "999900", "999900", "999900", "99990", "180", c[5], "0", "0", "999.0",
                    "77777", "9", "999999999", "0", "0.0000", "0", "88", "999.000", "999.0", "99.0"));
        }
        return out;
    }

    /** The EPW fixture as a year, written to {@code dir/fixture-year.epw}. */
    public static Path epwYear(Path dir) {
        return tile(dir, epwThreeDays(), "fixture-year.epw", 8, (fields, date) -> {
            fields[1] = Integer.toString(date.getMonthValue());
            fields[2] = Integer.toString(date.getDayOfMonth());
        });
    }

    /** The TMY3 fixture as a year, written to {@code dir/fixture-year-tmy3.csv}. */
    public static Path tmy3Year(Path dir) {
        return tile(dir, resourceLines("three-days-tmy3.csv"), "fixture-year-tmy3.csv", 2, (fields, date) -> fields[0] =
                String.format(java.util.Locale.ROOT, "%02d/%02d/2023", date.getMonthValue(), date.getDayOfMonth()));
    }

    /** The mapped-CSV fixture as a year (stamped at the interval start), written to {@code dir/fixture-year.csv}. */
    public static Path csvYear(Path dir) {
        return tile(dir, resourceLines("three-days.csv"), "fixture-year.csv", 1,
                (fields, date) -> fields[0] = date + fields[0].substring(10));
    }

    private interface DateWriter {
        void write(String[] fields, LocalDate date);
    }

    private static Path tile(Path dir, List<String> lines, String target, int headerLines, DateWriter dateWriter) {
        List<String> header = lines.subList(0, headerLines);
        List<String> records = lines.subList(headerLines, lines.size());
        if (records.size() != 72) {
            throw new IllegalStateException(target + " must come from 3 days of hourly records, found "
                    + records.size());
        }
        StringBuilder out = new StringBuilder();
        header.forEach(l -> out.append(l).append("\r\n"));
        LocalDate date = LocalDate.of(2023, 1, 1);
        for (int d = 0; d < 365; d++, date = date.plusDays(1)) {
            for (int h = 0; h < 24; h++) {
                String[] f = records.get((d % 3) * 24 + h).split(",", -1);
                dateWriter.write(f, date);
                out.append(String.join(",", f)).append("\r\n");
            }
        }
        try {
            Path file = dir.resolve(target);
            Files.writeString(file, out, StandardCharsets.ISO_8859_1);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = WeatherFixtures.class.getResourceAsStream("/weather/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource weather/" + name + " is missing");
            }
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
