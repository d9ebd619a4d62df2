package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Tariff;
import org.gridtwin.physics.grid.TariffSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

class TimeAndTariffTest {

    @Test
    void localFieldsInShanghai() {
        TimeGrid g = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        assertThat(g.steps()).isEqualTo(24);
        assertThat(g.start()).hasToString("2023-12-31T16:00:00Z"); // UTC+8
        assertThat(g.minuteOfDay(0)).isZero();
        assertThat(g.localHour(13)).isEqualTo(13);
        assertThat(g.dayOfWeek(0)).isEqualTo(1); // 2024-01-01 was a Monday
        assertThat(g.month(0)).isEqualTo(1);
    }

    @Test
    void leapDayFoldsOntoFebruary28InTypicalYearMinutes() {
        TimeGrid feb29 = TimeGrid.ofDates(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        // Feb 28 is day index 58 (0-based) → minute 58·1440; Feb 29 reuses it; Mar 1 is day 59 as in 2023
        assertThat(feb29.minuteOfYear(0)).isEqualTo(58 * 1440);
        assertThat(feb29.minuteOfYear(24)).isEqualTo(59 * 1440);
        TimeGrid mar1 = TimeGrid.ofDates(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        assertThat(mar1.minuteOfYear(0)).isEqualTo(59 * 1440);
    }

    @Test
    void daylightSavingTimeSkipsTheMissingHour() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TimeGrid g = TimeGrid.ofDates(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1), Duration.ofHours(1),
                berlin);
        assertThat(g.steps()).isEqualTo(23); // the spring-forward day has 23 hours
        assertThat(g.localHour(1)).isEqualTo(1);
        assertThat(g.localHour(2)).isEqualTo(3); // 02:00 does not exist
        assertThat(g.dayIndex(22)).isZero();
    }

    @Test
    void monthsCountAcrossTheYearBoundary() {
        TimeGrid g = TimeGrid.ofDates(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        assertThat(g.months()).isEqualTo(2);
        assertThat(g.monthIndex(g.steps() - 1)).isEqualTo(1);
        assertThat(g.monthLabel(1)).isEqualTo("2025-01");
    }

    @Test
    void zhejiangTimeOfUsePeriodsOfTheBuiltinTariff() {
        Tariff t = BuiltinScenarios.load("ningbo").orElseThrow().sites().get(0).grid().tariff();
        TimeGrid july = TimeGrid.ofDates(LocalDate.of(2024, 7, 15), LocalDate.of(2024, 7, 16), Duration.ofMinutes(30),
                Sites.SHANGHAI);
        TariffSeries s = TariffSeries.of(t, july);
        // summer: 09:30 sharp peak, 12:00 valley, 17:30 peak, 23:30 flat (Zhejiang DRC [2024] No. 21)
        assertThat(s.period(19)).isEqualTo(Tariff.PeriodType.SHARP_PEAK);
        assertThat(s.priceYuanPerKwh(19)).isEqualTo(1.19);
        assertThat(s.period(24)).isEqualTo(Tariff.PeriodType.VALLEY);
        assertThat(s.period(35)).isEqualTo(Tariff.PeriodType.PEAK);
        assertThat(s.period(47)).isEqualTo(Tariff.PeriodType.FLAT);
        TimeGrid april = TimeGrid.ofDates(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 4, 16),
                Duration.ofMinutes(30), Sites.SHANGHAI);
        TariffSeries a = TariffSeries.of(t, april);
        // spring: 09:30 peak (no sharp peak), 17:30 flat
        assertThat(a.period(19)).isEqualTo(Tariff.PeriodType.PEAK);
        assertThat(a.period(35)).isEqualTo(Tariff.PeriodType.FLAT);
        assertThat(a.priceYuanPerKwh(35)).isEqualTo(0.70);
    }
}
