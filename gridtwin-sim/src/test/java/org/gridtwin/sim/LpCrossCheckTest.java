package org.gridtwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridtwin.dispatch.lp.LpSolution;
import org.gridtwin.dispatch.lp.MpsWriter;
import org.gridtwin.dispatch.lp.OrToolsLpSolver;
import org.gridtwin.dispatch.lp.SiteLp;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.testkit.ReferenceSolvers;
import org.gridtwin.testenv.Prerequisite;
import org.gridtwin.testenv.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-year hourly LP of the Chuanshan port solved by GridTwin and, from the MPS file GridTwin writes, by GLPK
 * and CBC: the optima agree to 1e-5 relative. With a demand charge and wear (every term active) GridTwin solves it
 * with OR-Tools' CLP (the default) and GLOP; without the demand charge, as the port is configured, with the storage
 * dynamic program.
 */
class LpCrossCheckTest {

    @Test
    @Requires(Prerequisite.REFERENCE_SOLVERS)
    void fullYearPortLpAgreesWithGlpkAndCbc(@TempDir Path dir) throws Exception {
        SiteLp lp = portYear(new DispatchSettings.Costs(40, 0.05, 0, 50));
        LpSolution glop = new OrToolsLpSolver().solve(lp.model(), 600);
        assertThat(glop.isOptimal()).isTrue();
        LpSolution reallyGlop = new OrToolsLpSolver("GLOP", "").solve(lp.model(), 600);
        assertThat(reallyGlop.objective()).isCloseTo(glop.objective(), within(Math.abs(glop.objective()) * 1e-6));
        Path mps = dir.resolve("port.mps");
        try (Writer w = Files.newBufferedWriter(mps)) {
            MpsWriter.write(lp.model(), "port", w);
        }
        double tolerance = Math.abs(glop.objective()) * 1e-5;
        assertThat(ReferenceSolvers.cbcObjective(mps)).isCloseTo(glop.objective(), within(tolerance));
        assertThat(ReferenceSolvers.glpsolObjective(mps)).isCloseTo(glop.objective(), within(tolerance));
        assertThat(lp.read(glop).simultaneousSteps()).isZero();
    }

    @Test
    @Requires(Prerequisite.REFERENCE_SOLVERS)
    void fullYearPortLpWithoutDemandChargeByDynamicProgrammingAgreesWithGlpkAndCbc(@TempDir Path dir)
            throws Exception {
        // wear, lost load and a carbon price of 60 yuan/t, so every term but the demand charge is active
        SiteLp lp = portYear(new DispatchSettings.Costs(0, 0.05, 60, 50));
        LpSolution dp = lp.solve(new OrToolsLpSolver(), 600);
        assertThat(lp.method()).isEqualTo(SiteLp.DYNAMIC_PROGRAMMING);
        Path mps = dir.resolve("port.mps");
        try (Writer w = Files.newBufferedWriter(mps)) {
            MpsWriter.write(lp.model(), "port", w);
        }
        double tolerance = Math.abs(dp.objective()) * 1e-5;
        assertThat(ReferenceSolvers.cbcObjective(mps)).isCloseTo(dp.objective(), within(tolerance));
        assertThat(ReferenceSolvers.glpsolObjective(mps)).isCloseTo(dp.objective(), within(tolerance));
        LpSolution clp = new OrToolsLpSolver().solve(lp.model(), 600);
        assertThat(dp.objective()).isCloseTo(clp.objective(), within(Math.abs(clp.objective()) * 1e-7));
        assertThat(lp.read(dp).simultaneousSteps()).isZero();
    }

    private static SiteLp portYear(DispatchSettings.Costs costs) {
        Site port = BuiltinScenarios.load("ningbo").orElseThrow().sites().get(0);
        Site priced = new Site(port.id(), port.name(), port.timeZone(), port.latitudeDeg(), port.longitudeDeg(),
                port.weather(), port.wind(), port.pv(), port.battery(), port.grid(), port.loads(),
                new DispatchSettings("optimal-foresight", Double.POSITIVE_INFINITY, 0.8, costs));
        TimeGrid grid = TimeGrid.ofDates(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2025, 1, 1),
                java.time.Duration.ofHours(1), port.timeZone());
        SiteInputs in = SiteInputsBuilder.build(priced, grid, 20240101);
        return SiteLp.build(LpInputsFactory.of(in));
    }
}
