package org.gridtwin.model.weatherfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.yaml.ScenarioReader;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.gridtwin.testenv.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherFileReaderTest {

    static String scenarioWith(String weather) {
        return "name: w\nsites:\n  - id: a\n    time_zone: Asia/Shanghai\n    latitude_deg: 30.23\n"
                + "    longitude_deg: 120.17\n    weather:\n" + weather
                + "    grid: {import_limit_kw: 10, tariff: flat, emission_factor_t_per_mwh: 0.5}\n    loads: []\n"
                + "tariffs:\n  - id: flat\n    prices_yuan_per_kwh: {flat: 0.5}\n    seasons:\n"
                + "      - {name: all, months: [1,2,3,4,5,6,7,8,9,10,11,12], periods: [{type: flat, from: \"00:00\", "
                + "to: \"24:00\"}]}\n";
    }

    static WeatherFile read(Path dir, String weather) throws IOException {
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, scenarioWith(weather));
        return (WeatherFile) ScenarioReader.read(s).sites().get(0).weather();
    }

    static List<String> errors(Path dir, String weather) throws IOException {
        try {
            read(dir, weather);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(Problem::message).toList();
        }
        throw new AssertionError("expected an error");
    }

    @Test
    @Requires(Prerequisite.SHARED_DATA)
    void readsTheHangzhouEpwWithItsPublishedStatistics(@TempDir Path dir) throws IOException {
        Path epw = SharedData.hangzhouEpw();
        WeatherFile w = read(dir, "      epw: {file: " + epw + "}\n");
        assertThat(w.format()).isEqualTo(WeatherFile.Format.EPW);
        assertThat(w.utcOffsetSeconds()).isEqualTo(8 * 3600);
        assertThat(w.columns().size()).isEqualTo(8760);
        // shared/data/weather/README.md: annual GHI 1202 kWh/m², January 5.2 °C, July 27.6 °C, wind 2.07 m/s
        assertThat(Arrays.stream(w.columns().ghiWm2()).sum() / 1000).isCloseTo(1202, within(1.0));
        double[] t = w.columns().airTemperatureC();
        assertThat(Arrays.stream(t, 0, 744).average().orElseThrow()).isCloseTo(5.2, within(0.05));
        assertThat(Arrays.stream(t, 4344, 5088).average().orElseThrow()).isCloseTo(27.6, within(0.05));
        assertThat(Arrays.stream(w.columns().windSpeedMs()).average().orElseThrow()).isCloseTo(2.07, within(0.01));
        assertThat(w.columns().pressurePa()[0]).isEqualTo(102_060);
    }

    /** Day 3 of the fixture, hours ending 14:00 and 15:00: missing, between 7.6 °C and 7.9 °C (README). */
    static void assertFixtureYear(WeatherFile w, int utcOffsetHours) {
        assertThat(w.utcOffsetSeconds()).isEqualTo(utcOffsetHours * 3600);
        assertThat(w.columns().size()).isEqualTo(8760);
        assertThat(Arrays.stream(w.columns().ghiWm2()).sum()).isCloseTo(WeatherFixtures.annualGhiWhM2(),
                within(1e-6));
        // the hour ending 12:00 of January 1 (clear, 615 W/m²) and of January 2 (overcast, 215 W/m²)
        assertThat(w.columns().ghiWm2()[11]).isEqualTo(615);
        assertThat(w.columns().ghiWm2()[24 + 11]).isEqualTo(215);
        assertThat(w.columns().dniWm2()[11]).isEqualTo(676);
        assertThat(w.columns().dhiWm2()[11]).isEqualTo(154);
        double meanWind = 0;
        for (int k = 0; k < 3; k++) {
            meanWind += WeatherFixtures.DAYS_OF_EACH[k] * WeatherFixtures.DAY_MEAN_WIND_MS[k] / 365;
        }
        assertThat(Arrays.stream(w.columns().windSpeedMs()).average().orElseThrow()).isCloseTo(meanWind,
                within(1e-9));
        assertThat(w.columns().pressurePa()[0]).isEqualTo(102_100);
        assertThat(w.columns().pressurePa()[24]).isEqualTo(101_250);
        // two missing temperatures on each of the 121 third days, interpolated: 7.6 + (7.9 − 7.6) / 3 × k
        assertThat(w.interpolatedRecords()).isEqualTo(2 * 121);
        double[] t = w.columns().airTemperatureC();
        assertThat(t[48 + 12]).isEqualTo(7.6);
        assertThat(t[48 + 13]).isCloseTo(7.7, within(1e-9));
        assertThat(t[48 + 14]).isCloseTo(7.8, within(1e-9));
        assertThat(t[48 + 15]).isEqualTo(7.9);
    }

    @Test
    void readsTheRepositorysEpwFixture(@TempDir Path dir) throws IOException {
        Path epw = WeatherFixtures.epwYear(dir);
        WeatherFile w = read(dir, "      epw: {file: " + epw.getFileName() + "}\n");
        assertThat(w.format()).isEqualTo(WeatherFile.Format.EPW);
        assertFixtureYear(w, 8);
    }

    @Test
    void readsTheRepositorysTmy3Fixture(@TempDir Path dir) throws IOException {
        Path tmy3 = WeatherFixtures.tmy3Year(dir);
        WeatherFile w = read(dir, "      tmy3: {file: " + tmy3.getFileName() + "}\n");
        assertThat(w.format()).isEqualTo(WeatherFile.Format.TMY3);
        assertFixtureYear(w, 8);
    }

    @Test
    void readsTheRepositorysCsvFixture(@TempDir Path dir) throws IOException {
        Path csv = WeatherFixtures.csvYear(dir);
        WeatherFile w = read(dir, "      csv:\n        file: " + csv.getFileName() + "\n        time_column: timestamp\n"
                + "        utc_offset_hours: 8\n        time_label: interval_start\n"
                + "        columns: {ghi_wm2: ghi, dni_wm2: dni, dhi_wm2: dhi, temperature_c: temp_air, "
                + "wind_m_per_s: wind_speed, pressure_pa: pressure}\n");
        assertThat(w.format()).isEqualTo(WeatherFile.Format.CSV);
        assertFixtureYear(w, 8);
    }

    /** A partial file (the three days alone) is a gap error naming where the data stop, not a short year. */
    @Test
    void theThreeDaysAloneAreNotAYear(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("short.epw"), WeatherFixtures.epwThreeDays(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(errors(dir, "      epw: {file: short.epw}\n")).anySatisfy(m -> assertThat(m)
                .startsWith("short.epw:").contains("is a gap longer than 3 records"));
    }

    static String epwHeader() {
        return "LOCATION,Test,ZJ,CHN,X,000000,30.0,120.0,8.0,10.0\n" + "DESIGN CONDITIONS,0\n"
                + "TYPICAL/EXTREME PERIODS,0\n" + "GROUND TEMPERATURES,0\n" + "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\n"
                + "COMMENTS 1,test\n" + "COMMENTS 2,test\n" + "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n";
    }

    /** A full synthetic EPW year; {@code edit} may change or drop records (return null to drop). */
    static String epwYear(java.util.function.BiFunction<Integer, String, String> edit) {
        StringBuilder sb = new StringBuilder(epwHeader());
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2023, 1, 1, 0, 0);
        for (int h = 0; h < 8760; h++) {
            java.time.LocalDateTime end = t.plusHours(h + 1);
            int month = end.getHour() == 0 ? end.minusDays(1).getMonthValue() : end.getMonthValue();
            int day = end.getHour() == 0 ? end.minusDays(1).getDayOfMonth() : end.getDayOfMonth();
            int hour = end.getHour() == 0 ? 24 : end.getHour();
            double ghi = hour >= 7 && hour <= 17 ? 300 : 0;
            List<String> f = new ArrayList<>(List.of("2005", "" + month, "" + day, "" + hour, "0", "?", "20.0",
                    "10", "50", "101325", "0", "0", "300", "" + ghi, "" + ghi / 2, "" + ghi / 2, "0", "0", "0", "0",
                    "180", "3.0"));
            while (f.size() < 35) {
                f.add("0");
            }
            String line = String.join(",", f);
            line = edit.apply(h, line);
            if (line != null) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void shortGapsAreInterpolatedLongGapsNamedWithLineAndTime(@TempDir Path dir) throws IOException {
        // hours 100 and 101 missing (9999): interpolated between 300 and 300
        Files.writeString(dir.resolve("a.epw"), epwYear((h, l) -> h == 100 || h == 101
                ? l.replaceFirst(",300,", ",300,").replace(",20.0,", ",99.9,") : l));
        WeatherFile ok = read(dir, "      epw: {file: a.epw}\n");
        assertThat(ok.interpolatedRecords()).isEqualTo(2);
        assertThat(ok.columns().airTemperatureC()[100]).isEqualTo(20.0);
        // six hours without temperature from hour 200 (lines 209..214): an error naming the file and the time
        Files.writeString(dir.resolve("b.epw"), epwYear((h, l) -> h >= 200 && h < 206 ? l.replace(",20.0,", ",99.9,")
                : l));
        assertThat(errors(dir, "      epw: {file: b.epw}\n")).singleElement().asString()
                .startsWith("b.epw:215: temperature = 6 missing records is a gap longer than 3 records, from 01-09 "
                        + "09:00 UTC+8 to 01-09 14:00 UTC+8");
    }

    @Test
    void badValuesDuplicatesAndOrderAreErrors(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("c.epw"), epwYear((h, l) -> h == 10 ? l.replace(",300,20", ",-5,20")
                .replaceFirst(",300.0,", ",-5,") : l));
        assertThat(errors(dir, "      epw: {file: c.epw}\n")).anySatisfy(m -> assertThat(m)
                .isEqualTo("c.epw:19:14: GHI Wh/m² = -5 must be in [0, 1500]"));
        // line 20 repeats line 19's time
        Files.writeString(dir.resolve("d.epw"), epwYear((h, l) -> h == 11 ? l.replaceFirst(",12,0,", ",11,0,") : l));
        assertThat(errors(dir, "      epw: {file: d.epw}\n")).anySatisfy(m -> assertThat(m)
                .startsWith("d.epw:20: time = 1/1 11:0 is a duplicate of line 19"));
        Files.writeString(dir.resolve("e.epw"), "not an epw\n");
        assertThat(errors(dir, "      epw: {file: e.epw}\n")).singleElement().asString()
                .contains("is not an EPW file");
        assertThat(errors(dir, "      epw: {file: none.epw}\n")).singleElement().asString()
                .contains("weather.epw.file = none.epw does not exist");
    }

    @Test
    void genericCsvWithColumnMappingAndIntervalStartLabels(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("stamp,irr,ta,ws\n");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2021, 1, 1, 0, 0);
        for (int h = 0; h < 8760; h++) {
            // stamped at the start of each hour; GHI equals the hour of day so positions are checkable
            csv.append(t.plusHours(h).toString().replace('T', ' ')).append(',').append(h % 24).append(",15,2\n");
        }
        Files.writeString(dir.resolve("w.csv"), csv);
        WeatherFile w = read(dir, "      csv:\n        file: w.csv\n        time_column: stamp\n"
                + "        utc_offset_hours: 8\n        time_label: interval_start\n"
                + "        columns: {ghi_wm2: irr, temperature_c: ta, wind_m_per_s: ws}\n");
        assertThat(w.columns().ghiWm2()[13]).isEqualTo(13); // 13:00–14:00
        assertThat(w.columns().dniWm2()).isNull();
        assertThat(w.utcOffsetSeconds()).isEqualTo(8 * 3600);
        assertThat(errors(dir, "      csv:\n        file: w.csv\n        time_column: stamp\n"
                + "        utc_offset_hours: 8\n        columns: {ghi_wm2: irradiance, temperature_c: ta, "
                + "wind_m_per_s: ws}\n")).anySatisfy(m -> assertThat(m)
                .contains("irradiance is not a column of the header"));
    }

    @Test
    void tmy3FilesAreRead(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("722780,\"PHOENIX\",AZ,-7.0,33.450,-111.983,337\n");
        sb.append("Date (MM/DD/YYYY),Time (HH:MM),ETR (W/m^2),GHI (W/m^2),DNI (W/m^2),DHI (W/m^2),"
                + "Dry-bulb (C),Pressure (mbar),Wspd (m/s)\n");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(1990, 1, 1, 0, 0);
        for (int h = 1; h <= 8760; h++) {
            java.time.LocalDateTime end = t.plusHours(h);
            java.time.LocalDate day = end.getHour() == 0 ? end.toLocalDate().minusDays(1) : end.toLocalDate();
            int hour = end.getHour() == 0 ? 24 : end.getHour();
            sb.append(String.format("%02d/%02d/1990,%02d:00,0,%d,0,%d,25.0,1000,4.0%n", day.getMonthValue(),
                    day.getDayOfMonth(), hour, hour == 12 ? 800 : 0, hour == 12 ? 100 : 0));
        }
        Files.writeString(dir.resolve("t.csv"), sb);
        WeatherFile w = read(dir, "      tmy3: {file: t.csv}\n");
        assertThat(w.utcOffsetSeconds()).isEqualTo(-7 * 3600);
        assertThat(w.columns().ghiWm2()[11]).isEqualTo(800); // the hour ending 12:00
        assertThat(w.columns().pressurePa()[0]).isEqualTo(100_000);
    }

    @Test
    void weatherSourcesAreExclusive(@TempDir Path dir) {
        assertThatThrownBy(() -> read(dir, "      epw: {file: a.epw}\n      tmy3: {file: b.csv}\n"))
                .hasMessageContaining("must give only one weather source, not epw and tmy3");
    }
}
