package org.gridtwin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.dispatch.rules.CycleCharging;
import org.gridtwin.dispatch.rules.PeakShaving;
import org.gridtwin.dispatch.rules.SelfConsumption;
import org.gridtwin.dispatch.rules.TouArbitrage;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.Tariff.PeriodType;
import org.junit.jupiter.api.Test;

/** Each rule's setpoint for hand-made states; the harness's clipping is tested with the engine. */
class RuleStrategiesTest {

    /** A state with 100 kWh, ±50 kW feasible, SoC window 0.1..0.9. */
    static StepState state(double wind, double pv, double load, double soc, PeriodType period) {
        return new StepState().time(0, 1, 600, 1, 1).power(wind, pv, load)
                .battery(soc, 0.1, 0.9, 100, 50, 50).grid(200, 100, 0.7, 0.4, period);
    }

    static double decide(DispatchStrategy s, StepState st) {
        Setpoints sp = new Setpoints();
        s.decide(st, sp);
        return sp.batteryKw();
    }

    @Test
    void selfConsumptionFollowsTheNetLoad() {
        SelfConsumption s = new SelfConsumption();
        assertThat(decide(s, state(10, 20, 60, 0.5, PeriodType.FLAT))).isEqualTo(30); // deficit: discharge
        assertThat(decide(s, state(50, 20, 30, 0.5, PeriodType.FLAT))).isEqualTo(-40); // surplus: charge
    }

    @Test
    void peakShavingHoldsImportAtTheCap() {
        PeakShaving s = new PeakShaving(100);
        // net 150 > cap 100: discharge 50
        assertThat(decide(s, state(0, 0, 150, 0.5, PeriodType.PEAK))).isEqualTo(50);
        // net 40 < cap: recharge with the 60 kW of headroom
        assertThat(decide(s, state(0, 0, 40, 0.5, PeriodType.PEAK))).isEqualTo(-60);
        // surplus 30: charge the surplus plus the whole cap's headroom, never above the cap
        assertThat(decide(s, state(50, 0, 20, 0.5, PeriodType.PEAK))).isEqualTo(-130);
        assertThatThrownBy(() -> new PeakShaving(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Hour h of day d (hourly steps; day 0 is January 31, later days in February), 100 kWh at SoC 0.5 in a 0.1..0.9
     * window, ±50 kW rated, lossless.
     */
    static StepState at(int day, int hour, double pv, double load, PeriodType period, double maxDischargeKw) {
        return new StepState().time((day * 24L + hour) * 3600, 1, hour * 60, 1 + day % 7, day == 0 ? 1 : 2)
                .power(0, pv, load)
                .battery(0.5, 0.1, 0.9, 100, 50, maxDischargeKw).ratings(50, 50, 1, 1)
                .grid(1000, 100, 0.7, 0.4, period);
    }

    @Test
    void peakShavingWithoutACapLearnsTheLevelTheBatteryCouldHoldYesterday() {
        PeakShaving s = new PeakShaving(Double.POSITIVE_INFINITY);
        // January 31: net load 100 kW, 300 kW from 10:00 to 13:00; no target yet, so only surplus would be stored
        // (and January's peak import is 300 kW; February starts afresh)
        for (int h = 0; h < 24; h++) {
            double load = h >= 10 && h < 13 ? 300 : 100;
            assertThat(decide(s, at(0, h, 0, load, PeriodType.FLAT, 50))).isZero();
        }
        // by hand: 80 kWh usable ((0.9 − 0.1) × 100 × 1) over the 3 h above T: 3 (300 − T) = 80, T = 273.33 kW,
        // above peak − rating = 250 kW, so the power suffices
        assertThat(decide(s, at(1, 0, 0, 100, PeriodType.FLAT, 50))).isCloseTo(100 - 820.0 / 3, within(1e-9));
        assertThat(s.targetKw()).isCloseTo(820.0 / 3, within(1e-9));
        assertThat(decide(s, at(1, 10, 0, 300, PeriodType.FLAT, 50))).isCloseTo(300 - 820.0 / 3, within(1e-9));
        // the battery is empty at 11:00 (nothing feasible): 300 kW is imported, and that is the month's peak now;
        // the rest of the month the battery no longer discharges below it
        decide(s, at(1, 11, 0, 300, PeriodType.FLAT, 0));
        assertThat(s.targetKw()).isEqualTo(300);
        assertThat(decide(s, at(1, 12, 0, 290, PeriodType.FLAT, 50))).isEqualTo(-10);
    }

    @Test
    void peakShavingKeepsAFixedCapWhenOneIsGiven() {
        assertThat(new PeakShaving(120).targetKw()).isEqualTo(120);
    }

    @Test
    void touArbitrageBuysOnlyWhatTheSurplusItSawYesterdayWillNotBringAndAsLateAsItCan() {
        TouArbitrage s = new TouArbitrage();
        // day 0: valley 00–08 (no sun), peak 08–11, valley 11–13 with 40 kW of PV surplus, peak 13–17, flat after
        for (int h = 0; h < 24; h++) {
            PeriodType p = h < 8 ? PeriodType.VALLEY : h < 11 ? PeriodType.PEAK : h < 13 ? PeriodType.VALLEY
                    : h < 17 ? PeriodType.PEAK : PeriodType.FLAT;
            double pv = h >= 11 && h < 13 ? 60 : 0;
            decide(s, at(0, h, pv, 20, p, 50));
        }
        // day 1: no surplus is expected before the 08:00 peak, so the grid fills the 40 kWh of room ((0.9 − 0.5)
        // × 100), as late as it can: at 00:00 the seven valley hours after it could buy 350 kWh at 50 kW, so not
        // yet; at 07:00, the last valley hour, it must
        assertThat(decide(s, at(1, 0, 0, 20, PeriodType.VALLEY, 50))).isZero();
        assertThat(decide(s, at(1, 7, 0, 20, PeriodType.VALLEY, 50))).isEqualTo(Double.NEGATIVE_INFINITY);
        // 11:00: 2 h × 40 kW = 80 kWh of surplus expected before 13:00, more than the 40 kWh of room: store the
        // surplus only, buy nothing
        assertThat(decide(s, at(1, 11, 60, 20, PeriodType.VALLEY, 50))).isEqualTo(-40);
        assertThat(decide(s, at(1, 11, 0, 20, PeriodType.VALLEY, 50))).isZero();
    }

    @Test
    void touArbitrageChargesInValleysAndDischargesInPeaks() {
        TouArbitrage s = new TouArbitrage();
        assertThat(decide(s, state(0, 0, 30, 0.5, PeriodType.VALLEY))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(decide(s, state(0, 0, 30, 0.5, PeriodType.SHARP_PEAK))).isEqualTo(30);
        assertThat(decide(s, state(0, 0, 30, 0.5, PeriodType.PEAK))).isEqualTo(30);
        // flat: keep the charge for the next peak, store surplus only
        assertThat(decide(s, state(0, 0, 30, 0.5, PeriodType.FLAT))).isZero();
        assertThat(decide(s, state(0, 50, 30, 0.5, PeriodType.FLAT))).isEqualTo(-20);
    }

    @Test
    void cycleChargingRechargesFromEmptyToTheSetpointThenFollowsTheLoad() {
        CycleCharging s = new CycleCharging(0.8);
        // above the minimum: load following
        assertThat(decide(s, state(0, 0, 30, 0.5, PeriodType.FLAT))).isEqualTo(30);
        // at the minimum: full charge, and it keeps charging at 0.5 even though there is a deficit
        assertThat(decide(s, state(0, 0, 30, 0.1, PeriodType.FLAT))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(decide(s, state(0, 0, 30, 0.5, PeriodType.FLAT))).isEqualTo(Double.NEGATIVE_INFINITY);
        // set point reached: back to load following
        assertThat(decide(s, state(0, 0, 30, 0.8, PeriodType.FLAT))).isEqualTo(30);
        assertThat(decide(s, state(0, 0, 30, 0.6, PeriodType.FLAT))).isEqualTo(30);
    }

    @Test
    void registryOffersExactlyTheNamesScenariosMayUse() {
        assertThat(Strategies.names()).containsExactlyElementsOf(DispatchSettings.KNOWN_STRATEGIES);
        DispatchSettings settings = new DispatchSettings("peak-shaving", 500, 0.7);
        for (String name : Strategies.names()) {
            if (Strategies.needsContext(name)) {
                assertThatThrownBy(() -> Strategies.create(name, settings)).hasMessageContaining("StrategyContext");
            } else {
                assertThat(Strategies.create(name, settings).name()).isEqualTo(name);
            }
        }
        assertThatThrownBy(() -> Strategies.create("genetic", settings))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
