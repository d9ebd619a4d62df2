package org.gridtwin.dispatch.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storage dynamic program against hand-solved LPs and, on seeded random sites, against CLP solving the same
 * LP model: the two optima must agree (CLP's own tolerances are 1e-7).
 */
class StorageDpTest {
    static final LpSolver CLP = new OrToolsLpSolver();

    @Test
    void twoPricePeriodsMatchTheHandSolvedOptimum() {
        // SiteLpTest.twoPricePeriodsOneBattery works it out: charge 10 kW in the valley (9 kWh stored), discharge
        // 8.1 kW in the peak, cost 7.9 yuan
        SiteLp lp = SiteLp.build(SiteLpTest.twoPrices());
        LpSolution s = lp.solve(CLP, 10);
        assertThat(lp.method()).isEqualTo(SiteLp.DYNAMIC_PROGRAMMING);
        assertThat(s.objective()).isCloseTo(7.9, within(1e-9));
        SiteLp.Plan plan = lp.read(s);
        assertThat(plan.batteryKw()).containsExactly(new double[] {-10, 8.1}, within(1e-9));
        assertThat(plan.storedKwh()).containsExactly(new double[] {9, 0}, within(1e-9));
    }

    @Test
    void selfDischargeAndAWindowThatForcesDischarge() {
        // Floor 2, ceiling 10 kWh, 10 kWh held, k = 0.5 per step, ±4 kW lossless; load 10 kW at 1.0 then 0.1
        // yuan/kWh, terminal ≥ 2. Step 1: holding decays to 2 + 0.5·8 = 6 kWh; discharging 4 kW (the limit)
        // leaves 2 kWh and saves 4 yuan: import 6 kW · 1.0 = 6. Step 2: at the floor, nothing to give: 10 · 0.1 = 1.
        // Optimum 7 yuan (without discharging 10 + 1 = 11).
        SiteLpInputs in = new SiteLpInputs(1, new double[2], new double[] {10, 10}, new double[] {1.0, 0.1}, 0,
                new double[2], new int[2], 100, 0, new SiteLpInputs.Battery(4, 4, 1, 1, 2, 10, 0.5), 10, 2,
                new double[0], new SiteLpInputs.Costs(0, 0, 0, 100));
        SiteLp lp = SiteLp.build(in);
        LpSolution s = lp.solve(CLP, 10);
        assertThat(lp.method()).isEqualTo(SiteLp.DYNAMIC_PROGRAMMING);
        assertThat(s.objective()).isCloseTo(7, within(1e-9));
        assertThat(lp.read(s).storedKwh()).containsExactly(new double[] {2, 2}, within(1e-9));
    }

    @Test
    void unmetLoadCheaperThanImportIsLeftUnmet() {
        // VoLL 0.2 yuan/kWh below the 0.5 import price and no battery energy to give (1 kWh window, empty, no
        // charging): the LP leaves all 10 kW unmet, 10 · 0.2 = 2 yuan per hour, 4 yuan over two hours
        SiteLpInputs in = new SiteLpInputs(1, new double[2], new double[] {10, 10}, new double[] {0.5, 0.5}, 0,
                new double[2], new int[2], 100, 0, new SiteLpInputs.Battery(0, 0, 1, 1, 0, 1, 1), 0, Double.NaN,
                new double[0], new SiteLpInputs.Costs(0, 0, 0, 0.2));
        SiteLp lp = SiteLp.build(in);
        LpSolution s = lp.solve(CLP, 10);
        assertThat(s.objective()).isCloseTo(4, within(1e-9));
    }

    @Test
    void withoutABatteryEachStepIsItsOwnKnapsack() {
        // SiteLpTest.lostLoadIsPenalised...: 5 kW import limit against 10 kW load, no battery: 5 kW unmet at 100
        // yuan/kWh + 5 kWh at 0.3 = 501.5 yuan
        SiteLpInputs in = new SiteLpInputs(1, new double[1], new double[] {10}, new double[] {0.3}, 0,
                new double[1], new int[1], 5, 0, null, 0, Double.NaN, new double[0], SiteLpTest.NO_EXTRAS);
        SiteLp lp = SiteLp.build(in);
        assertThat(lp.solve(CLP, 10).objective()).isCloseTo(501.5, within(1e-9));
        assertThat(lp.method()).isEqualTo(SiteLp.DYNAMIC_PROGRAMMING);
    }

    @Test
    void aDemandChargeGoesToTheGeneralSolver() {
        SiteLpInputs in = new SiteLpInputs(1, new double[3], new double[] {10, 50, 10}, new double[] {0.5, 0.5, 0.5},
                0, new double[3], new int[] {0, 0, 0}, 1000, 0, new SiteLpInputs.Battery(30, 30, 1, 1, 0, 20, 1), 10,
                Double.NaN, new double[] {0}, new SiteLpInputs.Costs(10, 0, 0, 100));
        SiteLp lp = SiteLp.build(in);
        assertThat(lp.dynamicProgrammingUnavailable()).contains("demand charge");
        // SiteLpTest.demandChargeShavesThePeak: 330 yuan
        assertThat(lp.solve(CLP, 10).objective()).isCloseTo(330, within(1e-9));
        assertThat(lp.method()).isEqualTo(CLP.name());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomSitesReachTheSimplexOptimum(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int infeasible = 0;
        for (int c = 0; c < 10; c++) {
            SiteLpInputs in = randomSite(rnd);
            SiteLp lp = SiteLp.build(in);
            LpSolution dp = lp.solve(CLP, 60);
            LpSolution clp = CLP.solve(SiteLp.build(in).model(), 60);
            if (clp.status() == LpSolution.Status.INFEASIBLE) {
                // an unreachable terminal energy: the dynamic program finds no path and the solver says why
                infeasible++;
                assertThat(dp.status()).isEqualTo(LpSolution.Status.INFEASIBLE);
                continue;
            }
            assertThat(lp.method()).as("seed %d case %d: %s", seed, c, lp.dynamicProgrammingUnavailable())
                    .isEqualTo(SiteLp.DYNAMIC_PROGRAMMING);
            assertThat(clp.isOptimal()).isTrue();
            // 1e-5 relative, as for the MPS cross-checks: in one of 6,000 sites swept CLP stopped 1.2e-5 away
            // (−5.408950 with a row off by 1.3e-6) where GLOP, cbc and glpsol agreed with the DP's −5.4089382
            assertThat(dp.objective()).as("seed %d case %d", seed, c)
                    .isCloseTo(clp.objective(), within(1e-5 * (1 + Math.abs(clp.objective()))));
            assertThat(lp.read(dp).simultaneousSteps()).isZero();
        }
        assertThat(infeasible).as("most random sites are feasible").isLessThan(3);
    }

    @Test
    void strongSelfDischargeOverManyStepsRebasesItsScaleAndStillMatchesTheSimplex() {
        // k = 0.9 per step: the lazily kept slope scale grows by 1/0.9 a step and passes 1e30 after 656 steps, so
        // 2,000 steps rebase it three times
        SplittableRandom rnd = new SplittableRandom(99);
        SiteLpInputs r = randomSite(rnd, 2000);
        SiteLpInputs in = new SiteLpInputs(r.stepHours(), r.renewableKw(), r.loadKw(), r.importPrice(),
                r.feedInPrice(), r.emissionTPerMwh(), r.month(), r.importLimitKw(), r.exportLimitKw(),
                new SiteLpInputs.Battery(40, 40, 0.9, 0.9, 10, 200, 0.9), 100, Double.NaN, new double[0], r.costs());
        SiteLp lp = SiteLp.build(in);
        LpSolution dp = lp.solve(CLP, 60);
        assertThat(lp.method()).isEqualTo(SiteLp.DYNAMIC_PROGRAMMING);
        double clp = CLP.solve(SiteLp.build(in).model(), 60).objective();
        assertThat(dp.objective()).isCloseTo(clp, within(1e-6 * (1 + Math.abs(clp))));
    }

    static SiteLpInputs randomSite(SplittableRandom rnd) {
        return randomSite(rnd, 1 + rnd.nextInt(150));
    }

    /**
     * A random site without demand charge (a battery nine times in ten), with price ties, unlimited limits and
     * regeneration.
     */
    static SiteLpInputs randomSite(SplittableRandom rnd, int n) {
        double dt = new double[] {1 / 60.0, 0.25, 0.5, 1}[rnd.nextInt(4)];
        double[] ren = new double[n];
        double[] load = new double[n];
        double[] price = new double[n];
        double[] co2 = new double[n];
        double[] levels = {0.3, 0.6, 0.6, 1.0, rnd.nextDouble()};
        for (int t = 0; t < n; t++) {
            ren[t] = rnd.nextDouble() < 0.3 ? 0 : 80 * rnd.nextDouble();
            load[t] = rnd.nextDouble() < 0.05 ? -10 * rnd.nextDouble() : 100 * rnd.nextDouble();
            price[t] = levels[rnd.nextInt(levels.length)];
            co2[t] = rnd.nextDouble();
        }
        double imp = rnd.nextDouble() < 0.3 ? Double.POSITIVE_INFINITY : 120 * rnd.nextDouble();
        double exp = rnd.nextDouble() < 0.3 ? Double.POSITIVE_INFINITY : 50 * rnd.nextDouble();
        // up to 0.8 yuan/kWh: often above the cheaper import prices, where the LP caps it (SiteLpInputs.exportPrice)
        double feedIn = rnd.nextDouble() < 0.3 ? 0 : 0.8 * rnd.nextDouble();
        double min = rnd.nextDouble() < 0.5 ? 0 : 20 * rnd.nextDouble();
        double max = min + 200 * rnd.nextDouble();
        double kept = new double[] {1, 0.999, 0.9}[rnd.nextInt(3)];
        SiteLpInputs.Battery b = rnd.nextDouble() < 0.1 ? null : new SiteLpInputs.Battery(60 * rnd.nextDouble(),
                60 * rnd.nextDouble(), 0.8 + 0.2 * rnd.nextDouble(), 0.8 + 0.2 * rnd.nextDouble(), min, max, kept);
        double initial = b == null ? 0 : min + (max - min) * rnd.nextDouble();
        double terminal = rnd.nextBoolean() || b == null ? Double.NaN : min + (max - min) * rnd.nextDouble() * 0.5;
        SiteLpInputs.Costs costs = new SiteLpInputs.Costs(0, rnd.nextBoolean() ? 0 : 0.1 * rnd.nextDouble(),
                rnd.nextBoolean() ? 0 : 100 * rnd.nextDouble(), rnd.nextDouble() < 0.2 ? 0.5 : 50);
        return new SiteLpInputs(dt, ren, load, price, feedIn, co2, new int[n], imp, exp, b, initial, terminal,
                new double[0], costs);
    }
}
