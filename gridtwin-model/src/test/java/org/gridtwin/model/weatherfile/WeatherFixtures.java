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
 * Weather files the repository holds (src/test/resources/weather, see the README there): three made-up days in each
 * format a scenario can name — EPW, TMY3 and mapped CSV — repeated into a typical year (2023, 365 days: day d of the
 * year takes fixture day d mod 3) because the readers want a whole year. The rows are written as the formats' own
 * files write them (all 35 EPW fields with source flags, all 68 TMY3 columns, CRLF line ends).
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

    /** The EPW fixture as a year, written to {@code dir/fixture-year.epw}. */
    public static Path epwYear(Path dir) {
        return tile(dir, "three-days.epw", "fixture-year.epw", 8, (fields, date) -> {
            fields[1] = Integer.toString(date.getMonthValue());
            fields[2] = Integer.toString(date.getDayOfMonth());
        });
    }

    /** The TMY3 fixture as a year, written to {@code dir/fixture-year-tmy3.csv}. */
    public static Path tmy3Year(Path dir) {
        return tile(dir, "three-days-tmy3.csv", "fixture-year-tmy3.csv", 2, (fields, date) -> fields[0] =
                String.format(java.util.Locale.ROOT, "%02d/%02d/2023", date.getMonthValue(), date.getDayOfMonth()));
    }

    /** The mapped-CSV fixture as a year (stamped at the interval start), written to {@code dir/fixture-year.csv}. */
    public static Path csvYear(Path dir) {
        return tile(dir, "three-days.csv", "fixture-year.csv", 1,
                (fields, date) -> fields[0] = date + fields[0].substring(10));
    }

    private interface DateWriter {
        void write(String[] fields, LocalDate date);
    }

    private static Path tile(Path dir, String fixture, String target, int headerLines, DateWriter dateWriter) {
        List<String> lines = resourceLines(fixture);
        List<String> header = lines.subList(0, headerLines);
        List<String> records = lines.subList(headerLines, lines.size());
        if (records.size() != 72) {
            throw new IllegalStateException(fixture + " must hold 3 days of hourly records, found " + records.size());
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
