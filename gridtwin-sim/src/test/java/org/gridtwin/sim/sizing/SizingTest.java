package org.gridtwin.sim.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.gridtwin.model.Economics;
import org.gridtwin.model.EmissionFactor;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

class SizingTest {

    static SearchSpace.Config c(double pv) {
        return new SearchSpace.Config(pv, 0, 1, 0, 100);
    }

    @Test
    void rankAndParetoFrontByHand() {
        // (NPC, CO2): A (100, 50), B (110, 40), C (120, 45), D (90, 60) infeasible.
        // Feasible by cost: A #1, B #2, C #3; the front keeps rows that emit less than every cheaper one: A, B.
        List<SizingRow> rows = List.of(
                new SizingRow(c(1), 100, 0, 0, 50, true, "", 0, false),
                new SizingRow(c(2), 110, 0, 0, 40, true, "", 0, false),
                new SizingRow(c(3), 120, 0, 0, 45, true, "", 0, false),
                new SizingRow(c(4), 90, 0, 0, 60, false, "renewable fraction 0.1 < 0.5", 0, false));
        List<SizingRow> ranked = Sizing.rankAndFront(rows);
        assertThat(ranked).extracting(SizingRow::rank).containsExactly(1, 2, 3, 0);
        assertThat(ranked).extracting(SizingRow::pareto).containsExactly(true, true, false, false);
    }

    @Test
    void withoutABatteryItsPowerIsNotVaried() {
        SearchSpace s = new SearchSpace(List.of(0.0, 10.0), List.of(0.0, 50.0), List.of(10.0, 20.0), List.of(0),
                List.of(100.0), 0, 1, Double.POSITIVE_INFINITY);
        // 2 PV × (1 without battery + 2 battery powers) = 6
        assertThat(s.configs()).hasSize(6);
    }

    @Test
    void gridOnlyConfigurationCostsTheTariffAndBuildingPaysWhereTheLiteratureSaysItShould() {
        // one-bus fixture: 20 kW flat load, flat 0.5 yuan/kWh, 100 kWp PV, 100 kWh battery
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 1), Duration.ofHours(1),
                Sites.SHANGHAI);
        SiteInputs base = SiteInputsBuilder.build(Sites.oneBusPvBattery(), grid, 1);
        SearchSpace space = new SearchSpace(List.of(0.0, 100.0), List.of(0.0, 100.0), List.of(50.0), List.of(0),
                List.of(200.0), 0, 1, Double.POSITIVE_INFINITY);
        List<SizingRow> rows = Sizing.run(base, space, Economics.DEFAULT, "self-consumption", done -> { });
        SizingRow gridOnly = rows.stream().filter(r -> r.config().pvKw() == 0 && r.config().batteryKwh() == 0)
                .findFirst().orElseThrow();
        // nothing built: the levelised cost is the flat tariff, and no renewables
        assertThat(gridOnly.lcoeYuanPerKwh()).isCloseTo(0.5, within(1e-9));
        assertThat(gridOnly.renewableFraction()).isZero();
        // PV at 3,500 yuan/kW producing ~1,000 kWh/kW a year at 0.5 yuan/kWh saves ~500 yuan/kW a year against
        // ~52.5 yuan O&M: it repays itself well within 25 years at 6 %, so the PV rows rank above grid-only
        SizingRow bestPv = rows.stream().filter(r -> r.config().pvKw() == 100).min(
                java.util.Comparator.comparingInt(SizingRow::rank)).orElseThrow();
        assertThat(bestPv.rank()).isLessThan(gridOnly.rank());
        // the same search again gives the same rows, whatever the thread timing
        assertThat(Sizing.run(base, space, Economics.DEFAULT, "self-consumption", done -> { })).isEqualTo(rows);
    }

    @Test
    void aSurvivalRequirementRejectsWhatCannotCarryTheCriticalLoad() {
        // the one-bus site (20 kW flat load, critical by default) with a grid-forming battery that keeps half its
        // charge in reserve: a configuration without a battery cannot hold an island at all, so it survives a 4 h
        // outage from 0 of the starts (by hand); a battery row is feasible exactly when the outage analysis of its
        // own year says so
        Site s = Sites.oneBusPvBattery();
        Site forming = s.withResilience(s.resilience().withIsland(new org.gridtwin.model.IslandSettings(true, 0.1,
                0.1, 0.1, 0.1, 0, 300, 0.1, 0.5)));
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1), Duration.ofHours(1),
                Sites.SHANGHAI);
        SiteInputs base = SiteInputsBuilder.build(forming, grid, 1);
        SearchSpace space = new SearchSpace(List.of(100.0), List.of(0.0, 100.0, 400.0), List.of(50.0), List.of(0),
                List.of(200.0), 0, 1, Double.POSITIVE_INFINITY, 4, 0.9);
        List<SizingRow> rows = Sizing.run(base, space, Economics.DEFAULT, "self-consumption", done -> { });
        SizingRow none = rows.stream().filter(r -> r.config().batteryKwh() == 0).findFirst().orElseThrow();
        assertThat(none.feasible()).isFalse();
        assertThat(none.reason()).isEqualTo("critical load through 4 h outages from 0.000 of the starts < 0.900");
        for (SizingRow r : rows) {
            if (r.config().batteryKwh() == 0) {
                continue;
            }
            org.gridtwin.model.Battery b = new org.gridtwin.model.Battery(r.config().batteryKwh(), 50, 50, 0.9, 0.9,
                    0.1, 0.9, 0.5, 0);
            Site sized = Sites.withBattery(forming, b);
            SiteInputs in = base.with(sized, base.windKw(), base.pvKw());
            org.gridtwin.sim.SiteResult year = org.gridtwin.sim.Engine.run(in,
                    org.gridtwin.dispatch.Strategies.create("self-consumption", sized.dispatch()));
            double share = org.gridtwin.sim.resilience.OutageSurvival.analyse(in, year, 4, 1).criticalSurvival(4);
            assertThat(r.feasible()).as("%s kWh: %s of the starts", r.config().batteryKwh(), share)
                    .isEqualTo(share >= 0.9);
        }
        // the reserve of the 400 kWh battery holds (0.5 − 0.1) × 400 × 0.9 = 144 kWh for the island, more than the
        // 80 kWh of a 4 h outage, from every start; the 100 kWh one holds 36 kWh: only sunny hours carry it
        assertThat(rows).filteredOn(r -> r.config().batteryKwh() == 400).singleElement()
                .extracting(SizingRow::feasible).isEqualTo(true);
        assertThat(rows).filteredOn(r -> r.config().batteryKwh() == 100).singleElement()
                .extracting(SizingRow::feasible).isEqualTo(false);
    }

    @Test
    void optimalForesightDispatchEarnsTheHandComputedArbitrage() {
        // One-bus site without PV, 20 kW flat load, valley 0.3 yuan/kWh 00:00-08:00, peak 1.0 after; battery 100 kWh
        // / 50 kW, η 0.9 each way, window 10-90 kWh, starting at 50 kWh and ending with at least that. Over the 61
        // days of March-April 2024 the foresight plan fills the window every valley (40 kWh the first night) and
        // empties it every peak (40 kWh the last day, to end on 50 kWh): 4,840 kWh stored and given back. The peak
        // load (320 kWh a day) takes everything. Savings: 4,840 × 0.9 × 1.0 − 4,840 / 0.9 × 0.3 = 4,356 − 1,613.33
        // = 2,742.67 yuan. Self-consumption never charges from the grid: it gives its 40 kWh above the floor back at
        // midnight, in the valley: 36 kWh × 0.3 = 10.80 yuan.
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 1), Duration.ofHours(1),
                Sites.SHANGHAI);
        Site site = Sites.withGrid(Sites.oneBusPvBattery(), new GridConnection(200, 100,
                Sites.twoPeriodTariff(0.3, 1.0), 0.4, new EmissionFactor(0.5, null)));
        SiteInputs base = SiteInputsBuilder.build(site, grid, 1);
        SearchSpace.Config batteryOnly = new SearchSpace.Config(0, 100, 50, 0, 200);
        Economics e = Economics.DEFAULT;
        double years = 61 / 365.25;
        double om = (100 * e.batteryYuanPerKwh() + 50 * e.batteryYuanPerKw()) * e.batteryOmFractionPerYear();
        for (String strategy : List.of("optimal-foresight", "self-consumption")) {
            Sizing.Evaluator ev = new Sizing.Evaluator(base, new SearchSpace(List.of(0.0), List.of(100.0),
                    List.of(50.0), List.of(0), List.of(200.0), 0, 1, Double.POSITIVE_INFINITY), e, strategy);
            // year 1 of the cash flows: the battery's fixed O&M plus the operating cost (no replacement yet)
            double savings = (ev.baselineFlowsYuan()[1] - (ev.economics(batteryOnly).costFlowsYuan()[1] - om))
                    * years;
            assertThat(savings).as(strategy).isCloseTo(strategy.equals("self-consumption") ? 10.80 : 2742.67,
                    within(0.01));
        }
    }

    @Test
    void variableOmAddsItsAnnuityOfTheGeneration() {
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 5, 1), Duration.ofHours(1),
                Sites.SHANGHAI);
        SiteInputs base = SiteInputsBuilder.build(Sites.oneBusPvBattery(), grid, 1);
        SearchSpace space = new SearchSpace(List.of(100.0), List.of(0.0), List.of(50.0), List.of(0), List.of(200.0),
                0, 1, Double.POSITIVE_INFINITY);
        Economics d = Economics.DEFAULT;
        // PV variable O&M 0.05 yuan/kWh; the wind's 0.5 must not count, the site has no turbines
        Economics withOm = new Economics(d.projectYears(), d.realDiscountRate(), d.pvYuanPerKw(),
                d.batteryYuanPerKwh(), d.batteryYuanPerKw(), d.windYuanPerKw(), d.pvOmFractionPerYear(),
                d.windOmFractionPerYear(), d.batteryOmFractionPerYear(), d.pvLifetimeYears(), d.windLifetimeYears(),
                d.batteryCalendarYears(), d.batteryCycleLife(), d.pvReplacementFraction(),
                d.windReplacementFraction(), d.batteryReplacementFraction(), d.capitalGrantYuan(),
                d.subsidyYuanPerKwh(), 0.05, 0.5);
        double without = Sizing.run(base, space, d, "self-consumption", k -> { }).get(0).npcYuan();
        double with = Sizing.run(base, space, withOm, "self-consumption", k -> { }).get(0).npcYuan();
        // the fixture's PV is the 100 kWp searched, so its generation is the base series, scaled to a year
        double kwh = 0;
        for (double kw : base.pvKw()) {
            kwh += kw * grid.stepHours();
        }
        double perYear = kwh / (grid.steps() * grid.stepHours() / 24 / 365.25);
        // 0.05 yuan/kWh every year for 25 years at 6 %: annuity factor (1 - 1.06^-25) / 0.06 = 12.78336
        assertThat(with - without).isCloseTo(0.05 * perYear * 12.78336, within(0.05 * perYear * 1e-5));
    }
}
