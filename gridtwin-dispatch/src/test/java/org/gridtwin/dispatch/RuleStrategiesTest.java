package org.gridtwin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
