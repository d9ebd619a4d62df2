package org.gridtwin.physics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CraneFleetModelTest {

    static LoadSpec.CraneFleet ningboCranes() {
        return (LoadSpec.CraneFleet) BuiltinScenarios.load("ningbo").orElseThrow().sites().get(0).loads().stream()
                .filter(l -> l instanceof LoadSpec.CraneFleet).findFirst().orElseThrow();
    }

    static double energyKwh(double[] kw, TimeGrid g) {
        return Arrays.stream(kw).sum() * g.stepHours();
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 900, 3600})
    void anAverageMoveNetsItsEnergyWhateverTheStep(int stepSec) {
        // default yard travel: trolley 40 kW × 25 s = 0.2778 kWh; gantry 150 kW × 60 s = 2.5 kWh on 10 % of moves.
        // Hoisting gets (3 − 0.2778 − 0.25) / 0.7 = 3.5317 kWh, of which 30 % comes back when lowering.
        LoadSpec.Travel travel = LoadSpec.Travel.YARD_DEFAULT;
        double gross = (3 - 40 * 25 / 3600.0 - 0.1 * 150 * 60 / 3600.0) / 0.7;
        double phase = gross / 400 * 3600;
        double[][] plain = CraneFleetModel.moveKernel(stepSec, phase, gross, gross * 0.3, travel, false);
        double[][] gantry = CraneFleetModel.moveKernel(stepSec, phase, gross, gross * 0.3, travel, true);
        for (int off = 0; off < stepSec; off++) {
            // a plain move nets 0.7 × 3.5317 + 0.2778 = 2.75 kWh, one with gantry travel 2.5 kWh more
            assertThat(Arrays.stream(plain[off]).sum()).isCloseTo(2.75, within(1e-12));
            assertThat(Arrays.stream(gantry[off]).sum()).isCloseTo(5.25, within(1e-12));
        }
        // 0.9 × 2.75 + 0.1 × 5.25 = 3 kWh: the configured net energy per move
        assertThat(0.9 * 2.75 + 0.1 * 5.25).isCloseTo(3, within(1e-12));
    }

    @Test
    void shorePowerDeliversCallsTimesStayTimesPower() {
        // 2 berths, 10 calls a week, 12 h stays, 900 ± 300 kW: 10 × 12 × 900 = 108,000 kWh a week. Over ten years
        // (~5,200 calls) the random total has a standard deviation of ~1.5 %, so ±5 % is over three of them.
        LoadSpec.ShorePower s = new LoadSpec.ShorePower("sp", 2, 10, 12, 900, 300);
        TimeGrid decade = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1), Duration.ofHours(1),
                Sites.SHANGHAI);
        double[] kw = ShorePowerModel.kw(s, decade, 3);
        double weeks = decade.steps() / 168.0;
        assertThat(energyKwh(kw, decade) / weeks).isCloseTo(108_000, within(108_000 * 0.05));
        // never more ships than berths: at most 2 × 1,200 kW
        assertThat(Arrays.stream(kw).max().orElseThrow()).isLessThanOrEqualTo(2400 + 1e-9);
        assertThat(Arrays.stream(kw).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void ningboYardCranesUseAboutTheReportedCraneMonth() {
        // "1,500 MWh = one month of 169 cranes": 1,500,000 / 169 = 8,876 kWh per crane and month. The default
        // fleet makes 97.5 moves a day at 3 kWh: 97.5 × 3 × 365.25 / 12 = 8,903 kWh expected; Poisson noise over
        // a year of ~6 million moves is 0.04 %, so ±1 % around the expectation is seven standard deviations.
        LoadSpec.CraneFleet fleet = ningboCranes();
        TimeGrid year = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), Duration.ofHours(1),
                Sites.SHANGHAI);
        double perCraneMonth = energyKwh(CraneFleetModel.kw(fleet, year, 1), year) / 169 / 12;
        double expected = 97.5 * 3 * 366 / 12;
        assertThat(perCraneMonth).isCloseTo(expected, within(expected * 0.01));
        assertThat(perCraneMonth).isCloseTo(8_876, within(8_876 * 0.02));
    }

    @Test
    void minuteStepsShowHoistingPeaksAndRegeneration() {
        LoadSpec.CraneFleet fleet = ningboCranes();
        TimeGrid week = TimeGrid.ofDates(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 11),
                Duration.ofMinutes(1), Sites.SHANGHAI);
        double[] kw = CraneFleetModel.kw(fleet, week, 7);
        double[] sorted = kw.clone();
        Arrays.sort(sorted);
        double meanKw = Arrays.stream(kw).average().orElseThrow();
        // mean: 169 × 97.5 × 3 kWh / 24 h = 2,059 kW; 1 % band as above (a week: ~115,000 moves, noise 0.3 %)
        assertThat(meanKw).isCloseTo(2059.7, within(2059.7 * 0.01));
        // hoisting at 400 kW takes 38.6 s, so in a minute a few dozen hoists overlap: peaks well above the mean
        assertThat(sorted[sorted.length - 1]).isGreaterThan(2 * meanKw).isLessThan(169 * 400);
        // and the hourly view hides them
        TimeGrid hourly = TimeGrid.ofDates(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 11), Duration.ofHours(1),
                Sites.SHANGHAI);
        double hourlyMax = Arrays.stream(CraneFleetModel.kw(fleet, hourly, 7)).max().orElseThrow();
        assertThat(hourlyMax).isLessThan(sorted[sorted.length - 1]);
    }

    @Test
    void sameSeedSameLoadOtherSeedOtherLoad() {
        LoadSpec.CraneFleet fleet = ningboCranes();
        TimeGrid day = TimeGrid.ofDates(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 5), Duration.ofMinutes(5),
                Sites.SHANGHAI);
        assertThat(CraneFleetModel.kw(fleet, day, 42)).containsExactly(CraneFleetModel.kw(fleet, day, 42));
        assertThat(CraneFleetModel.kw(fleet, day, 42)).isNotEqualTo(CraneFleetModel.kw(fleet, day, 43));
    }
}
