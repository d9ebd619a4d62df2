package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridtwin.model.Problem;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.weatherfile.WeatherFileReader;
import org.gridtwin.model.weatherfile.WeatherFixtures;
import org.gridtwin.model.yaml.Problems;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.FileWeather;
import org.gridtwin.physics.weather.WeatherSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weather file mapped onto simulation steps, on the repository's fixture year (gridtwin-model's
 * src/test/resources/weather): energy kept at sub-hour steps, instantaneous temperatures interpolated, daylight
 * saving sites read in the file's standard time. The Hangzhou year's own checks are {@link HangzhouWeatherTest}.
 */
class FileWeatherTest {
    static final double LAT = 29.90;
    static final double LON = 121.90;
    @TempDir
    static Path dir;
    static WeatherFile epw;

    @BeforeAll
    static void read() {
        Problems problems = new Problems("test");
        epw = WeatherFileReader.readEpw(WeatherFixtures.epwYear(dir), 10, problems, null);
        assertThat(problems.list()).extracting(Problem::message).isEmpty();
    }

    static TimeGrid year(Duration step, ZoneId zone) {
        return TimeGrid.ofDates(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1), step, zone);
    }

    @Test
    void hourlyStepsInTheFilesOwnZoneAreTheFilesRecords() {
        TimeGrid g = year(Duration.ofHours(1), ZoneId.of("Asia/Shanghai"));
        WeatherSeries w = FileWeather.onto(epw, g, SunSeries.compute(g, LAT, LON));
        assertThat(w.ghiWm2()).containsExactly(epw.columns().ghiWm2(), within(1e-9));
        double total = 0;
        for (double v : w.ghiWm2()) {
            total += v;
        }
        assertThat(total).isCloseTo(WeatherFixtures.annualGhiWhM2(), within(1e-6));
    }

    @Test
    void subHourStepsKeepEachHoursEnergy() {
        TimeGrid hours = year(Duration.ofHours(1), ZoneId.of("Asia/Shanghai"));
        TimeGrid quarters = year(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"));
        WeatherSeries h = FileWeather.onto(epw, hours, SunSeries.compute(hours, LAT, LON));
        WeatherSeries q = FileWeather.onto(epw, quarters, SunSeries.compute(quarters, LAT, LON));
        for (int hour = 4000; hour < 4100; hour++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += q.ghiWm2()[hour * 4 + k] / 4;
            }
            assertThat(sum).as("hour %d", hour).isCloseTo(h.ghiWm2()[hour], within(1e-6));
        }
        // temperatures are instantaneous at the hour's end: the 00:00-00:15 step (midpoint 00:07:30) lies
        // between the last value of December 31 (24:00, shared by the wrap) and 01:00 of January 1
        double[] t = epw.columns().airTemperatureC();
        double expected = t[8759] + 7.5 / 60 * (t[0] - t[8759]);
        assertThat(q.airTemperatureC()[0]).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aSiteWithDaylightSavingReadsTheFileInItsStandardTime() {
        // the same instants seen from Berlin (UTC+1/+2) must give the same weather: matching uses the file's offset
        TimeGrid shanghai = year(Duration.ofHours(1), ZoneId.of("Asia/Shanghai"));
        TimeGrid berlin = shanghai.inZone(ZoneId.of("Europe/Berlin"));
        WeatherSeries a = FileWeather.onto(epw, shanghai, SunSeries.compute(shanghai, LAT, LON));
        WeatherSeries b = FileWeather.onto(epw, berlin, SunSeries.compute(berlin, LAT, LON));
        assertThat(b.ghiWm2()).containsExactly(a.ghiWm2(), within(1e-9));
    }
}
