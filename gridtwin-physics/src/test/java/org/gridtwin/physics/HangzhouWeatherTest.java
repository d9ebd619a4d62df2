package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridtwin.model.Problem;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.weatherfile.WeatherFileReader;
import org.gridtwin.model.yaml.Problems;
import org.gridtwin.physics.pv.PvChain;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.FileWeather;
import org.gridtwin.physics.weather.WeatherSeries;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.gridtwin.testenv.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Hangzhou CSWD year (shared/data, which the repository may not hold) through the file mapping and the PV chain.
 * The same mapping on the repository's own fixture year is {@link FileWeatherTest}.
 */
@Requires(Prerequisite.SHARED_DATA)
class HangzhouWeatherTest {
    static final double LAT = 30.23;
    static final double LON = 120.17;
    static WeatherFile epw;

    @BeforeAll
    static void read() {
        Path file = SharedData.hangzhouEpw();
        Problems problems = new Problems("test");
        epw = WeatherFileReader.readEpw(file, 10, problems, null);
        assertThat(problems.list()).extracting(Problem::message).isEmpty();
    }

    static TimeGrid year(Duration step, ZoneId zone) {
        return TimeGrid.ofDates(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1), step, zone);
    }

    /** GHI-weighted mean of the step midpoints' local standard time of day, hours. */
    static double irradianceCentreHour(WeatherSeries w, TimeGrid g) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < g.steps(); i++) {
            double mid = (g.minuteOfDay(i) + g.stepSeconds() / 120.0) / 60;
            num += w.ghiWm2()[i] * mid;
            den += w.ghiWm2()[i];
        }
        return num / den;
    }

    @Test
    void theCswdFileIsAnHourLateAndTimeShiftCorrectsIt() {
        // Read by the EPW convention (values for the hour ending at the stamp, local standard time), the file's
        // irradiance is centred at 13:03, an hour after Hangzhou's mean solar noon (12:00 − 0.17° × 4 min/°
        // ≈ 11:59); 347 hours carry light while our sun is below the horizon. Moved 60 minutes earlier
        // (time_shift_minutes: −60) it centres on 12:03 and only 64 such twilight hours remain.
        TimeGrid g = year(Duration.ofHours(1), ZoneId.of("Asia/Shanghai"));
        SunSeries sun = SunSeries.compute(g, LAT, LON);
        WeatherSeries asWritten = FileWeather.onto(epw, g, sun);
        WeatherSeries shifted = FileWeather.onto(epw.shifted(-60), g, sun);
        assertThat(irradianceCentreHour(asWritten, g)).isCloseTo(13.05, within(0.05));
        assertThat(irradianceCentreHour(shifted, g)).isCloseTo(12.05, within(0.05));
        assertThat(darkHoursWithLight(asWritten, sun)).isEqualTo(347);
        assertThat(darkHoursWithLight(shifted, sun)).isEqualTo(64);
        double total = 0;
        for (double v : shifted.ghiWm2()) {
            total += v;
        }
        assertThat(total / 1000).isCloseTo(1202, within(1.0));
    }

    static int darkHoursWithLight(WeatherSeries w, SunSeries sun) {
        int n = 0;
        for (int i = 0; i < sun.size(); i++) {
            if (w.ghiWm2()[i] > 0 && sun.cosZenith(i) <= 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aFourKilowattSystemYieldsWhatPvWattsStyleLossesPredict() {
        // 4 kWp, 25° tilt, south, PVWatts defaults (14 % losses, −0.37 %/°C, DC/AC 1.2), the file moved an hour
        // earlier. Check: the performance ratio AC / (plane-of-array irradiance × kWp) must lie where PVWatts v5
        // puts it: (1 − 0.14) × 0.96 nominal inverter efficiency × a temperature factor of 0.93–0.99 for a
        // warm climate = 0.768–0.817 (we allow 0.76–0.83), and the plane of array must receive about the
        // horizontal 1,202 kWh/m² (this file is very diffuse: DNI 801, DHI 581 kWh/m², so tilting gains little).
        TimeGrid g = year(Duration.ofHours(1), ZoneId.of("Asia/Shanghai"));
        SunSeries sun = SunSeries.compute(g, LAT, LON);
        WeatherSeries w = FileWeather.onto(epw.shifted(-60), g, sun);
        PvArray system = new PvArray("4kw", 4, 4 / 1.2, 25, 180, 0.14, -0.0037, 0.2);
        double kwh = 0;
        for (double p : PvChain.acPowerKw(system, g, sun, w)) {
            kwh += p;
        }
        double[] normal = SunSeries.unitVector(25, 180);
        double poa = 0;
        for (int i = 0; i < g.steps(); i++) {
            if (sun.cosZenith(i) > 0) {
                poa += w.dniWm2()[i] * Math.max(0, sun.cosIncidence(i, normal))
                        + org.gridtwin.physics.solar.Transposition.isotropicSkyWm2(w.dhiWm2()[i], 25)
                        + org.gridtwin.physics.solar.Transposition.groundReflectedWm2(w.ghiWm2()[i], 0.2, 25);
            }
        }
        poa /= 1000;
        assertThat(poa).isBetween(1150.0, 1260.0);
        assertThat(kwh / (4 * poa)).isBetween(0.76, 0.83);
        // the same year at 15-minute steps agrees within 1 %
        TimeGrid q = year(Duration.ofMinutes(15), ZoneId.of("Asia/Shanghai"));
        SunSeries qs = SunSeries.compute(q, LAT, LON);
        double kwhQ = 0;
        for (double p : PvChain.acPowerKw(system, q, qs, FileWeather.onto(epw.shifted(-60), q, qs))) {
            kwhQ += p / 4;
        }
        assertThat(kwhQ).isCloseTo(kwh, within(kwh * 0.01));
    }
}
