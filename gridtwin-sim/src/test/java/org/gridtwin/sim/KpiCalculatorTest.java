package org.gridtwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridtwin.testkit.Tolerances.DELTA_KWH;
import static org.gridtwin.testkit.Tolerances.DELTA_YUAN;

import org.gridtwin.dispatch.rules.SelfConsumption;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

/** KPIs of the hand-worked trajectory of {@link EngineTest#selfConsumptionTrajectoryByHand()}. */
class KpiCalculatorTest {

    @Test
    void kpisOfTheFourHourTrajectory() {
        SiteResult r = Engine.run(Inputs.hourly(Sites.oneBusPvBattery(), new double[] {80, 0, 0, 0},
                new double[] {20, 60, 60, 10}), new SelfConsumption());
        Kpi k = KpiCalculator.site(r);
        double charged = 40 / 0.9;             // h0
        double exported = 60 - charged;        // h0: 15.556
        double imported = 10 + 38 + 10;        // h1..h3
        assertThat(k.pvKwh()).isCloseTo(80, within(DELTA_KWH));
        assertThat(k.loadKwh()).isCloseTo(150, within(DELTA_KWH));
        assertThat(k.batteryChargeKwh()).isCloseTo(charged, within(DELTA_KWH));
        assertThat(k.batteryDischargeKwh()).isCloseTo(72, within(DELTA_KWH));
        assertThat(k.gridImportKwh()).isCloseTo(imported, within(DELTA_KWH));
        assertThat(k.gridExportKwh()).isCloseTo(exported, within(DELTA_KWH));
        // flat 0.5 yuan/kWh in, 0.4 out
        assertThat(k.energyCostYuan()).isCloseTo(imported * 0.5, within(DELTA_YUAN));
        assertThat(k.exportRevenueYuan()).isCloseTo(exported * 0.4, within(DELTA_YUAN));
        // 80 kWh green × 0.5 t/MWh = 0.04 t
        assertThat(k.co2AvoidedT()).isCloseTo(0.04, within(1e-12));
        assertThat(k.emissionFactorTPerMwh()).isCloseTo(0.5, within(1e-12));
        // HOMER renewable fraction: 1 − 58 / (150 + 15.556); self-sufficiency 1 − 58/150
        assertThat(k.renewableFraction()).isCloseTo(1 - imported / (150 + exported), within(1e-12));
        assertThat(k.selfSufficiency()).isCloseTo(1 - imported / 150, within(1e-12));
        // (44.44 + 72) / 2 / 100 kWh = 0.5822 equivalent full cycles
        assertThat(k.equivalentFullCycles()).isCloseTo((charged + 72) / 2 / 100, within(1e-12));
        assertThat(k.peakImportKw()).isCloseTo(38, within(1e-9));
        assertThat(k.windFullLoadHours()).isZero();
        assertThat(k.craneMonths()).isZero();
        assertThat(k.carsProduced()).isZero();
    }
}
