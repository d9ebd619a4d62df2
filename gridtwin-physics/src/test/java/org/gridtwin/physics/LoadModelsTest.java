package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.load.FactoryLineModel;
import org.gridtwin.physics.load.HouseholdModel;
import org.gridtwin.physics.load.LoadSeries;
import org.gridtwin.physics.load.ParametricLoad;
import org.gridtwin.physics.load.PortBaseModel;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.WeatherSeries;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadModelsTest {

    static double energyKwh(double[] kw, TimeGrid g) {
        double s = 0;
        for (double v : kw) {
            s += v;
        }
        return s * g.stepHours();
    }

    static TimeGrid year2023(int stepMinutes) {
        return TimeGrid.ofDates(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1), Duration.ofMinutes(stepMinutes),
                Sites.SHANGHAI);
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 60})
    void householdsUseTheirAnnualEnergyInAYear(int stepMinutes) {
        List<Double> shape = List.of(0.5, 0.4, 0.35, 0.35, 0.4, 0.6, 0.9, 1.1, 0.9, 0.8, 0.8, 1.0,
                1.1, 0.9, 0.8, 0.8, 0.9, 1.2, 1.6, 1.8, 1.7, 1.4, 1.0, 0.7);
        LoadSpec.Households h = new LoadSpec.Households("h", 362, 2400, shape, 0.538, 0.42);
        TimeGrid g = year2023(stepMinutes);
        // 362 × 2400 = 868,800 kWh over the 365 days of 2023
        assertThat(energyKwh(HouseholdModel.kw(h, g), g)).isCloseTo(868_800, within(1e-6));
    }

    @Test
    void factoryLineMakesACarEveryTaktWhileShiftsRun() {
        LoadSpec.FactoryLine f = new LoadSpec.FactoryLine("line", 110, 450,
                List.of(new LoadSpec.Shift(360, 870), new LoadSpec.Shift(870, 1380)),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), 2500);
        TimeGrid week = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8), Duration.ofHours(1),
                Sites.SHANGHAI);
        LoadSeries s = FactoryLineModel.series(f, week);
        // 6 days × 17 h × 3600 s / 110 s = 3338.18 cars; energy 2500 kW × 168 h + 3338.18 × 450 kWh
        assertThat(s.carsProduced()).isCloseTo(3338.1818, within(1e-3));
        assertThat(energyKwh(s.kw(), week)).isCloseTo(420_000 + 3338.1818 * 450, within(0.1));
        // Sunday runs the base load only; Monday 10:00 runs the line at 450 kWh / 110 s = 14,727.27 kW
        assertThat(s.kw()[6 * 24 + 10]).isEqualTo(2500);
        assertThat(s.kw()[10]).isCloseTo(2500 + 14_727.27, within(0.01));
    }

    @Test
    void nightShiftBelongsToTheDayItStarts() {
        LoadSpec.FactoryLine f = new LoadSpec.FactoryLine("night", 60, 1,
                List.of(new LoadSpec.Shift(22 * 60, 6 * 60)), EnumSet.of(DayOfWeek.MONDAY), 0);
        // Sunday 2024-01-07 to Wednesday 2024-01-10 at 1-minute steps: only Monday 22:00 – Tuesday 06:00 runs
        TimeGrid g = TimeGrid.ofDates(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10), Duration.ofMinutes(1),
                Sites.SHANGHAI);
        assertThat(FactoryLineModel.series(f, g).carsProduced()).isCloseTo(8 * 60, within(1e-9));
    }

    @Test
    void parametricProfileSpreadsItsAnnualEnergy() {
        List<Double> hours = new java.util.ArrayList<>(Sites.ones(24));
        hours.set(12, 3.0);
        LoadSpec.Parametric p = new LoadSpec.Parametric("p", 100_000, hours, Sites.ones(7), Sites.ones(12));
        TimeGrid g = year2023(60);
        double[] kw = ParametricLoad.kw(p, g);
        assertThat(energyKwh(kw, g)).isCloseTo(100_000, within(1e-6));
        // hour 12 carries 3/26 of each day: 100,000/365 · 3/26 = 31.61 kW
        assertThat(kw[12]).isCloseTo(100_000 / 365.0 * 3 / 26, within(1e-9));
    }

    @Test
    void portBaseLoadAddsReefersLightsAndOffices() {
        LoadSpec.PortBase b = new LoadSpec.PortBase("b", 100, 4, 0.5, 80, 18, 6, 40);
        TimeGrid day = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        double[] temp = new double[24];
        java.util.Arrays.fill(temp, 20);
        temp[20] = 30;
        double[] kw = PortBaseModel.kw(b, day, new WeatherSeries(new double[24], temp, new double[24], 10));
        // reefers 100 × 4 × 0.5 = 200 kW at 20 °C; offices on a Monday at 10:00: 40 kW; lights off
        assertThat(kw[10]).isEqualTo(240);
        // 20:00 at 30 °C: reefers 200 × (1 + 0.02 × 10) = 240, lights 80, offices half 20
        assertThat(kw[20]).isCloseTo(340, within(1e-9));
        // 03:00: reefers 200, lights 80, offices 20
        assertThat(kw[3]).isEqualTo(300);
    }
}
