package org.gridtwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridtwin.testkit.Tolerances.DELTA_KW;

import java.time.Duration;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.dispatch.rules.SelfConsumption;
import org.gridtwin.dispatch.rules.TouArbitrage;
import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.Site;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

/**
 * The engine on {@link Sites#oneBusPvBattery()}: 100 kWh, ±50 kW, η 0.9/0.9, SoC 0.1–0.9 from 0.5, import ≤ 200,
 * export ≤ 100. Every expected number is worked out in the comments.
 */
class EngineTest {
    private final Site site = Sites.oneBusPvBattery();

    @Test
    void selfConsumptionTrajectoryByHand() {
        double[] pv = {80, 0, 0, 0};
        double[] load = {20, 60, 60, 10};
        SiteResult r = Engine.run(Inputs.hourly(site, pv, load), new SelfConsumption());
        // h0: surplus 60; charge limited by room: (90 − 50)/0.9 = 44.444 kW → 90 kWh; export 15.556
        assertThat(r.batteryKw()[0]).isCloseTo(-40 / 0.9, within(DELTA_KW));
        assertThat(r.gridKw()[0]).isCloseTo(-(60 - 40 / 0.9), within(DELTA_KW));
        assertThat(r.socFraction()[0]).isCloseTo(0.9, within(1e-12));
        // h1: deficit 60, discharge at the 50 kW rating → 90 − 50/0.9 = 34.444 kWh; import 10
        assertThat(r.batteryKw()[1]).isCloseTo(50, within(DELTA_KW));
        assertThat(r.gridKw()[1]).isCloseTo(10, within(DELTA_KW));
        assertThat(r.socFraction()[1]).isCloseTo((90 - 50 / 0.9) / 100, within(1e-12));
        // h2: energy-limited: (34.444 − 10)·0.9 = 22.0 kW → empty at 10 kWh; import 38
        assertThat(r.batteryKw()[2]).isCloseTo(22, within(DELTA_KW));
        assertThat(r.gridKw()[2]).isCloseTo(38, within(DELTA_KW));
        assertThat(r.socFraction()[2]).isCloseTo(0.1, within(1e-12));
        // h3: empty: grid covers the 10 kW
        assertThat(r.batteryKw()[3]).isZero();
        assertThat(r.gridKw()[3]).isCloseTo(10, within(DELTA_KW));
        assertThat(r.unmetKw()).containsOnly(0.0);
        assertThat(r.curtailedKw()).containsOnly(0.0);
    }

    @Test
    void importLimitLeavesLoadUnmetAfterChargingIsDropped() {
        // valley hour at 00:00: TOU asks for full charge (44.44 kW) but load 190 + charge would pass 200 kW;
        // charging is cut to 10 kW first. Then a 260 kW load at 01:00 with the battery able to give 50: 10 unmet.
        Site tou = Sites.withGrid(site, new GridConnection(200, 100, Sites.twoPeriodTariff(0.3, 1.0), 0.4,
                site.grid().emissionFactor()));
        SiteResult r = Engine.run(Inputs.hourly(tou, new double[2], new double[] {190, 260}), new TouArbitrage());
        assertThat(r.batteryKw()[0]).isCloseTo(-10, within(DELTA_KW));
        assertThat(r.gridKw()[0]).isCloseTo(200, within(DELTA_KW));
        // 01:00 is still valley: TOU charges, which the limit cuts to zero; 60 kW unmet
        assertThat(r.batteryKw()[1]).isCloseTo(0, within(DELTA_KW));
        assertThat(r.unmetKw()[1]).isCloseTo(60, within(DELTA_KW));
    }

    @Test
    void exportLimitCurtailsRenewablesProportionally() {
        // battery already full; 150 kW wind + 50 kW PV, 20 kW load, export ≤ 100: 80 kW curtailed, 3:1 split
        Site full = Sites.withBattery(site, new Battery(100, 50, 50, 0.9, 0.9, 0.1, 0.9, 0.9, 0));
        SiteResult r = Engine.run(Inputs.of(full, Duration.ofHours(1), new double[] {150}, new double[] {50},
                new double[] {20}), new SelfConsumption());
        assertThat(r.gridKw()[0]).isCloseTo(-100, within(DELTA_KW));
        assertThat(r.curtailedKw()[0]).isCloseTo(80, within(DELTA_KW));
        assertThat(r.windKw()[0]).isCloseTo(150 - 60, within(DELTA_KW));
        assertThat(r.pvKw()[0]).isCloseTo(50 - 20, within(DELTA_KW));
    }

    @Test
    void aStrategysPvLimitIsCurtailedBeforeTheExportLimit() {
        // the same step with the PV limited to 30 kW by the strategy: 20 kW cut at the limit, then the surplus
        // 150 + 30 − 20 = 160 is 60 beyond the export limit, cut 1/3 from each: wind 100, PV 20; 80 kW curtailed
        Site full = Sites.withBattery(site, new Battery(100, 50, 50, 0.9, 0.9, 0.1, 0.9, 0.9, 0));
        DispatchStrategy limited = new DispatchStrategy() {
            private final SelfConsumption rule = new SelfConsumption();

            @Override
            public String name() {
                return "self-consumption, PV ≤ 30 kW";
            }

            @Override
            public void decide(StepState state, Setpoints out) {
                rule.decide(state, out);
                out.limitRenewables(Double.POSITIVE_INFINITY, 30);
            }
        };
        SiteResult r = Engine.run(Inputs.of(full, Duration.ofHours(1), new double[] {150, 150}, new double[] {50, 50},
                new double[] {20, 180}), limited);
        assertThat(r.pvKw()[0]).isCloseTo(20, within(DELTA_KW));
        assertThat(r.windKw()[0]).isCloseTo(100, within(DELTA_KW));
        assertThat(r.gridKw()[0]).isCloseTo(-100, within(DELTA_KW));
        assertThat(r.curtailedKw()[0]).isCloseTo(80, within(DELTA_KW));
        // step 1: load 180 takes all the wind; the PV is still held at 30 (20 kW curtailed), the battery gives 0
        // (full at 0.9 with discharge allowed: the deficit 180 − 150 − 30 = 0)
        assertThat(r.pvKw()[1]).isCloseTo(30, within(DELTA_KW));
        assertThat(r.curtailedKw()[1]).isCloseTo(20, within(DELTA_KW));
        assertThat(r.gridKw()[1]).isCloseTo(0, within(DELTA_KW));
    }

    @Test
    void regenerationBeyondExportIsBurnedAndCountedAsLoad() {
        // a regenerating load of −30 kW, nothing to curtail, battery full, export ≤ 100 → all exported;
        // with export 0 the 30 kW go to the braking resistor and the recorded load becomes 0
        Site noExport = Sites.withGrid(Sites.withBattery(site, null),
                new GridConnection(200, 0, Sites.flatTariff(0.5), 0.4, site.grid().emissionFactor()));
        SiteResult r = Engine.run(Inputs.hourly(noExport, new double[1], new double[] {-30}), new SelfConsumption());
        assertThat(r.gridKw()[0]).isZero();
        assertThat(r.loadKw()[0]).isCloseTo(0, within(DELTA_KW));
    }

    @Test
    void selfDischargeAtRestDrainsTowardsTheFloor() {
        Site leaky = Sites.withBattery(site, new Battery(100, 50, 50, 0.9, 0.9, 0.1, 0.9, 0.5, 0.1));
        SiteResult r = Engine.run(Inputs.hourly(leaky, new double[24], new double[24]), new SelfConsumption());
        // 24 h at 10 %/day on the 40 kWh above the 10 kWh floor: 10 + 40 × 0.9 = 46 kWh
        assertThat(r.socFraction()[23]).isCloseTo(0.46, within(1e-9));
    }
}
