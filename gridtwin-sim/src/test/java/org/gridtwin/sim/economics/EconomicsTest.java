package org.gridtwin.sim.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checkable economics: every expected value is worked out in the comment beside it. */
class EconomicsTest {

    @Test
    void capitalRecoveryFactor() {
        // 8 %, 20 years: 0.08 · 1.08^20 / (1.08^20 − 1) = 0.08 · 4.660957 / 3.660957 = 0.101852
        assertThat(Finance.crf(0.08, 20)).isCloseTo(0.101852, within(1e-6));
        // zero rate: straight-line 1/N
        assertThat(Finance.crf(0, 25)).isEqualTo(0.04);
        // one year: repay principal and interest at once
        assertThat(Finance.crf(0.05, 1)).isCloseTo(1.05, within(1e-12));
    }

    @Test
    void realRateFromNominalAndInflation() {
        // (8 % − 2 %) / 1.02 = 5.882 %
        assertThat(Finance.realRate(0.08, 0.02)).isCloseTo(0.0588235, within(1e-7));
    }

    @Test
    void replacementsAndSalvage() {
        // a 10-year battery in a 25-year project: bought at 0, replaced in years 10 and 20; the last one has 5 of
        // its 10 years left at the end: salvage 50 % of the replacement cost
        Component battery = new Component("battery", 1000, 800, 10, 20);
        double[] r = battery.replacementsByYear(25);
        assertThat(r[10]).isEqualTo(800);
        assertThat(r[20]).isEqualTo(800);
        assertThat(java.util.Arrays.stream(r).sum()).isEqualTo(1600);
        assertThat(battery.salvageYuan(25)).isCloseTo(400, within(1e-9));
        // a life that ends exactly with the project leaves nothing, and is not replaced at the end
        Component exact = new Component("pv", 1000, 900, 25, 0);
        assertThat(exact.replacementsByYear(25)).containsOnly(0.0);
        assertThat(exact.salvageYuan(25)).isZero();
        // a 30-year life in a 25-year project: the original purchase keeps 5/30 of its capital cost
        Component long30 = new Component("wind", 3000, 2500, 30, 0);
        assertThat(long30.salvageYuan(25)).isCloseTo(500, within(1e-9));
        // a 7.5-year life is replaced in years 8, 15 and 23 (7.5, 15.0, 22.5 rounded up)
        Component odd = new Component("inverter", 100, 100, 7.5, 0);
        double[] o = odd.replacementsByYear(25);
        assertThat(o[8]).isEqualTo(100);
        assertThat(o[15]).isEqualTo(100);
        assertThat(o[23]).isEqualTo(100);
        // last purchase at 22.5 with 5 of 7.5 years left at 25: salvage 100 · 5/7.5 = 66.67
        assertThat(odd.salvageYuan(25)).isCloseTo(66.6667, within(1e-4));
    }

    @Test
    void batteryLifeIsTheShorterOfCalendarAndThroughput() {
        // 2 MWh battery, 6,000 equivalent cycles = 12,000 MWh lifetime throughput; 1,000 MWh a year → 12 years,
        // but a 10-year calendar life comes first
        assertThat(Component.batteryLifetimeYears(10, 12_000_000, 1_000_000)).isEqualTo(10);
        // 2,000 MWh a year wears it out in 6 years
        assertThat(Component.batteryLifetimeYears(10, 12_000_000, 2_000_000)).isEqualTo(6);
    }

    @Test
    void gridOnlyLcoeEqualsTheTariff() {
        // 1 GWh a year bought at a flat 0.7 yuan/kWh, nothing built: NPC × CRF = 700,000 yuan a year, so the
        // levelised cost is 0.7 yuan/kWh whatever the rate and life
        ProjectEconomics p = new ProjectEconomics(20, 0.06, 0, 0);
        double[] grid = p.costFlows(List.of(), 700_000, 0);
        ProjectEconomics.Result r = p.evaluate(grid, grid, 1_000_000);
        assertThat(r.lcoeYuanPerKwh()).isCloseTo(0.7, within(1e-12));
        assertThat(r.annualizedCostYuan()).isCloseTo(700_000, within(1e-6));
        assertThat(r.npvVsBaselineYuan()).isZero();
    }

    @Test
    void investmentAgainstTheGridOnlyBaseline() {
        // PV for 1,000,000 yuan (25 years, 10,000 yuan O&M) cuts the bill from 700,000 to 500,000 a year:
        // savings −1,000,000 then +190,000 a year. Simple payback 1,000,000 / 190,000 = 5.263 years.
        ProjectEconomics p = new ProjectEconomics(25, 0.06, 0, 0);
        double[] grid = p.costFlows(List.of(), 700_000, 0);
        double[] pv = p.costFlows(List.of(new Component("pv", 1_000_000, 1_000_000, 25, 10_000)), 500_000, 0);
        ProjectEconomics.Result r = p.evaluate(pv, grid, 1_000_000);
        assertThat(r.simplePaybackYears()).isCloseTo(5.263158, within(1e-6));
        // NPV = −1,000,000 + 190,000 × (1 − 1.06^−25)/0.06 = −1,000,000 + 190,000 × 12.783356 = 1,428,837.7
        assertThat(r.npvVsBaselineYuan()).isCloseTo(1_428_837.7, within(0.1));
        // IRR: 190,000 × annuity(r, 25) = 1,000,000 → annuity factor 5.263158 → r = 18.76 % (solved by hand
        // iteration: annuity(0.1876, 25) = 5.2632)
        assertThat(r.irr()).isCloseTo(0.1876, within(5e-4));
        // discounted payback is later than the simple one: the discounted savings reach 1,000,000 in year 7
        assertThat(r.discountedPaybackYears()).isBetween(6.0, 7.0);
        // subsidies and grants are money in
        ProjectEconomics subsidised = new ProjectEconomics(25, 0.06, 200_000, 0.1);
        double[] flows = subsidised.costFlows(List.of(new Component("pv", 1_000_000, 1_000_000, 25, 0)), 0, 1_000_000);
        assertThat(flows[0]).isEqualTo(800_000);
        assertThat(flows[1]).isEqualTo(-100_000);
    }

    @Test
    void irrOfATextbookCashFlow() {
        // −100, +60, +60: 60/(1+r) + 60/(1+r)² = 100 → r = 13.07 % (quadratic: 100x² + 40x... solved: 0.130662)
        assertThat(Finance.irr(new double[] {-100, 60, 60})).isCloseTo(0.130662, within(1e-6));
        assertThat(Finance.npv(Finance.irr(new double[] {-1, 0.6, 0.6}), new double[] {-1, 0.6, 0.6}))
                .isCloseTo(0, within(1e-9));
        // savings that never repay have a negative IRR: with x = 1/(1+r), 10x² + 10x − 100 = 0 gives
        // x = (−1 + √41)/2 = 2.70156, r = −0.629844; and no payback
        assertThat(Finance.irr(new double[] {-100, 10, 10})).isCloseTo(-0.629844, within(1e-6));
        assertThat(Finance.paybackYears(new double[] {-100, 10, 10}, 0)).isNaN();
    }
}
