package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.Grena3;
import net.e175.klaus.solarpositioning.SolarPosition;
import org.gridtwin.physics.solar.Irradiance;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SunSeriesTest {

    /**
     * Reda &amp; Andreas (2004), NREL/TP-560-34302, table A4.1: 2003-10-17 12:30:30 at UTC−7, 39.742476 N,
     * 105.1786 W gives topocentric zenith 50.11162° and azimuth 194.34024°. Grena's algorithm 3 is quoted at about
     * 0.01°; the reference includes refraction (~0.02° at this height), so 0.05° is the tolerance.
     */
    @ParameterizedTest
    @ValueSource(ints = {60, 3600})
    void matchesTheSpaPaperExampleAtTheStepMidpoint(int stepSeconds) {
        Instant middle = Instant.parse("2003-10-17T19:30:30Z");
        TimeGrid g = new TimeGrid(middle.minusSeconds(stepSeconds / 2), Duration.ofSeconds(stepSeconds), 3,
                ZoneOffset.UTC);
        SunSeries sun = SunSeries.compute(g, 39.742476, -105.1786);
        assertThat(sun.zenithDeg(0)).isCloseTo(50.11162, within(0.05));
        assertThat(sun.azimuthDeg(0)).isCloseTo(194.34024, within(0.05));
    }

    @Test
    void interpolatedMinuteStepsStayWithinTwoHundredthsOfADegreeOfTheLibrary() {
        Instant start = Instant.parse("2024-06-21T00:00:00Z");
        TimeGrid minutes = new TimeGrid(start, Duration.ofMinutes(1), 1440, ZoneOffset.UTC);
        SunSeries fine = SunSeries.compute(minutes, 29.9, 121.9);
        double deltaT = DeltaT.estimate(java.time.LocalDate.of(2024, 6, 21));
        for (int i = 0; i < 1440; i += 7) {
            SolarPosition p = Grena3.calculateSolarPosition(
                    start.plusSeconds(i * 60L + 30).atZone(ZoneOffset.UTC), 29.9, 121.9, deltaT);
            assertThat(fine.zenithDeg(i)).isCloseTo(p.zenithAngle(), within(0.02));
            if (p.zenithAngle() < 89) {
                assertThat(fine.azimuthDeg(i)).isCloseTo(p.azimuth(), within(0.05));
            }
        }
    }

    @Test
    void grenaAgreesWithSpaOverAYearAtNingbo() {
        // Grena (2012) quotes a maximum error of ~0.0027° against SPA for 2010–2110; refraction is off in both
        TimeGrid g = TimeGrid.ofDates(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2025, 1, 1),
                Duration.ofHours(1), ZoneOffset.UTC);
        SunSeries grena = SunSeries.compute(g, 29.92, 121.87, SunSeries.Algorithm.GRENA3);
        SunSeries spa = SunSeries.compute(g, 29.92, 121.87, SunSeries.Algorithm.SPA);
        double worst = 0;
        for (int i = 0; i < g.steps(); i++) {
            worst = Math.max(worst, Math.abs(grena.zenithDeg(i) - spa.zenithDeg(i)));
        }
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void vectorIncidenceEqualsTheTrigonometricFormula() {
        TimeGrid g = new TimeGrid(Instant.parse("2024-03-20T00:00:00Z"), Duration.ofHours(1), 24, ZoneOffset.UTC);
        SunSeries sun = SunSeries.compute(g, 30, 120);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 200; k++) {
            double tilt = rnd.nextDouble(0, 90);
            double az = rnd.nextDouble(0, 360);
            int i = rnd.nextInt(24);
            double[] normal = SunSeries.unitVector(tilt, az);
            assertThat(sun.cosIncidence(i, normal)).isCloseTo(
                    Irradiance.cosAngleOfIncidence(sun.zenithDeg(i), sun.azimuthDeg(i), tilt, az), within(1e-9));
        }
    }
}
