package org.gridtwin.dispatch.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.testkit.ReferenceSolvers;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-solvable dispatch LPs: the optimum is worked out in each test's comments. */
class SiteLpTest {
    static final LpSolver GLOP = new OrToolsLpSolver();
    static final SiteLpInputs.Costs NO_EXTRAS = new SiteLpInputs.Costs(0, 0, 0, 100);

    /** Two hours, 10 kW load, valley 0.3 then peak 1.0; 10 kWh battery, ±10 kW, η 0.9/0.9, empty. */
    static SiteLpInputs twoPrices() {
        return new SiteLpInputs(1, new double[2], new double[] {10, 10}, new double[] {0.3, 1.0}, 0,
                new double[] {0.5, 0.5}, new int[] {0, 0}, 100, 0,
                new SiteLpInputs.Battery(10, 10, 0.9, 0.9, 0, 10, 1), 0, Double.NaN, new double[0], NO_EXTRAS);
    }

    @Test
    void twoPricePeriodsOneBattery() {
        // Charging x kW in the valley costs 0.3 x and returns 0.81 x kWh in the peak (worth 0.81 x): worth it up
        // to the limits. 10 kW of charge stores 9 kWh (the 10 kWh cap would need 11.1 kW), which gives 8.1 kW in
        // the peak. Cost: (10 + 10) · 0.3 + (10 − 8.1) · 1.0 = 6.0 + 1.9 = 7.9 yuan (13 yuan without battery).
        SiteLp lp = SiteLp.build(twoPrices());
        LpSolution s = GLOP.solve(lp.model(), 10);
        assertThat(s.status()).isEqualTo(LpSolution.Status.OPTIMAL);
        assertThat(s.objective()).isCloseTo(7.9, within(1e-9));
        SiteLp.Plan plan = lp.read(s);
        assertThat(plan.batteryKw()).containsExactly(new double[] {-10, 8.1}, within(1e-9));
        assertThat(plan.storedKwh()[0]).isCloseTo(9, within(1e-9));
        assertThat(plan.simultaneousSteps()).isZero();
    }

    @Test
    void demandChargeShavesThePeak() {
        // Loads 10, 50, 10 kW in one month, flat 0.5 yuan/kWh, demand charge 10 yuan/kW, lossless ±30 kW battery
        // of 20 kWh holding 10 kWh. Energy cost is fixed at 0.5 · (70 − 10) = 30 once the battery ends empty.
        // Peak P: discharge in hour 2 is at most 20 kWh (the 10 held + at most 10 charged in hour 1, the cap), so
        // P ≥ 50 − 20 = 30, and hour 1 imports 10 + 10 = 20 ≤ 30. Optimum 30 + 10 · 30 = 330 (535 without).
        SiteLpInputs in = new SiteLpInputs(1, new double[3], new double[] {10, 50, 10}, new double[] {0.5, 0.5, 0.5},
                0, new double[3], new int[] {0, 0, 0}, 1000, 0, new SiteLpInputs.Battery(30, 30, 1, 1, 0, 20, 1), 10,
                Double.NaN, new double[] {0}, new SiteLpInputs.Costs(10, 0, 0, 100));
        LpSolution s = GLOP.solve(SiteLp.build(in).model(), 10);
        assertThat(s.objective()).isCloseTo(330, within(1e-9));
    }

    @Test
    void lostLoadIsPenalisedAndSelfDischargeKeptAboveTheFloor() {
        // import limit 5 kW against 10 kW load, no battery: 5 kW unmet at 100 yuan/kWh + 5 kWh at 0.3 = 501.5
        SiteLpInputs in = new SiteLpInputs(1, new double[1], new double[] {10}, new double[] {0.3}, 0,
                new double[1], new int[1], 5, 0, null, 0, Double.NaN, new double[0], NO_EXTRAS);
        assertThat(GLOP.solve(SiteLp.build(in).model(), 10).objective()).isCloseTo(501.5, within(1e-9));
        // a battery resting for a step at k = 0.5 between floor 2 and 10 kWh held: e = 2 + 0.5 · 8 = 6
        SiteLpInputs rest = new SiteLpInputs(1, new double[1], new double[1], new double[] {0.3}, 0, new double[1],
                new int[1], 5, 0, new SiteLpInputs.Battery(1, 1, 1, 1, 2, 20, 0.5), 10, Double.NaN, new double[0],
                NO_EXTRAS);
        SiteLp lp = SiteLp.build(rest);
        LpSolution s = GLOP.solve(lp.model(), 10);
        assertThat(lp.read(s).storedKwh()[0]).isBetween(6 - 1e-9, 7 + 1e-9);
    }

    @Test
    @Requires(Prerequisite.REFERENCE_SOLVERS)
    void mpsFileReadBackByGlpkAndCbcGivesTheSameOptimum(@TempDir Path dir) throws Exception {
        SiteLp lp = SiteLp.build(twoPrices());
        Path mps = dir.resolve("two.mps");
        try (var w = Files.newBufferedWriter(mps)) {
            MpsWriter.write(lp.model(), "two", w);
        }
        assertThat(ReferenceSolvers.glpsolObjective(mps)).isCloseTo(7.9, within(7.9 * 1e-5));
        assertThat(ReferenceSolvers.cbcObjective(mps)).isCloseTo(7.9, within(7.9 * 1e-5));
    }

    @Test
    void mpsFormatOfATinyModel() throws IOException {
        LpModel m = new LpModel();
        int x = m.variable("x", 0, 4, -1);
        int y = m.variable("y", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        m.row("r", 1, 3, new int[] {x, y}, new double[] {1, 1});
        StringWriter w = new StringWriter();
        MpsWriter.write(m, "t", w);
        assertThat(w.toString()).isEqualTo("NAME t FREE\nROWS\n N obj\n G r\nCOLUMNS\n x obj -1\n x r 1\n y r 1\n"
                + "RHS\n rhs r 1\nRANGES\n rng r 2\nBOUNDS\n UP bnd x 4\n FR bnd y\nENDATA\n");
    }
}
