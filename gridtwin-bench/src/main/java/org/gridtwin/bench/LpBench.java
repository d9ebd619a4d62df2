package org.gridtwin.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.gridtwin.dispatch.lp.LpSolution;
import org.gridtwin.dispatch.lp.MpsWriter;
import org.gridtwin.dispatch.lp.OrToolsLpSolver;
import org.gridtwin.dispatch.lp.SiteLp;
import org.gridtwin.dispatch.lp.SiteLpInputs;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.LpInputsFactory;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteInputsBuilder;

/**
 * Bench command for the dispatch LP (docs/performance.md): the full-year hourly LP of the Chuanshan port built and
 * solved by GridTwin (storage dynamic programming, or CLP with a demand charge), the same MPS solved by {@code cbc}
 * and {@code glpsol} in the same run (medians and ratios), and the MPC year at 15-minute steps with a 48 h horizon.
 *
 * <p>Run: {@code java -cp gridtwin-bench/target/benchmarks.jar org.gridtwin.bench.LpBench}
 */
public final class LpBench {
    private LpBench() {
    }

    public static void main(String[] args) throws Exception {
        Scenario ningbo = BuiltinScenarios.load("ningbo").orElseThrow();
        Site port = ningbo.sites().get(0);
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), Duration.ofHours(1),
                port.timeZone());
        // the port as the built-in scenario has it (no demand charge, wear or carbon price: storage DP); with
        // wear, a carbon price and lost load (still DP); and with a demand charge too (the LP goes to CLP)
        compare("port as configured", port, port.dispatch().costs(), grid);
        compare("port + wear 0.05, carbon 60 yuan/t, VoLL 50", port, new DispatchSettings.Costs(0, 0.05, 60, 50),
                grid);
        compare("port + demand charge 40 yuan/kW-month, wear 0.05, VoLL 50", port,
                new DispatchSettings.Costs(40, 0.05, 0, 50), grid);

        Scenario portOnly = new Scenario(ningbo.name(), ningbo.description(), ningbo.source(), ningbo.simulation(),
                List.of(port), List.of());
        for (String replan : args.length > 0 ? args : new String[] {"1h", "15m"}) {
            SimulationRequest mpc = SimulationRequest.defaults(portOnly).withStep(Duration.ofMinutes(15))
                    .withStrategy("mpc").withMpc(new SimulationRequest.Mpc(Duration.ofHours(48),
                            org.gridtwin.model.Durations.parse(replan),
                            org.gridtwin.dispatch.forecast.Forecaster.Kind.PERSISTENCE, 0.2));
            long t0 = System.nanoTime();
            SimulationResult r = Simulation.withSystemTimer().run(mpc);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "MPC port year, 15-min steps, 48 h horizon, re-plan %s: %.1f s (%d plans, "
                    + "%.1f s in the solver: %s, %d fallbacks)%n", replan, seconds,
                    r.sites().get(0).optimiser().plans(), r.sites().get(0).optimiser().solveSeconds(),
                    r.sites().get(0).optimiser().solver(), r.sites().get(0).optimiser().fallbacks());
        }
    }

    /** GridTwin's build + solve against cbc and glpsol on the MPS of the same LP, medians and ratios. */
    private static void compare(String label, Site port, DispatchSettings.Costs costs, TimeGrid grid)
            throws Exception {
        Site priced = new Site(port.id(), port.name(), port.timeZone(), port.latitudeDeg(), port.longitudeDeg(),
                port.weather(), port.wind(), port.pv(), port.battery(), port.grid(), port.loads(),
                new DispatchSettings("optimal-foresight", Double.POSITIVE_INFINITY, 0.8, costs));
        SiteLpInputs lpIn = LpInputsFactory.of(SiteInputsBuilder.build(priced, grid, 20240101));
        OrToolsLpSolver clp = new OrToolsLpSolver();
        int runs = 5;
        double[] seconds = new double[runs];
        double objective = 0;
        SiteLp lp = null;
        for (int r = 0; r < runs + 1; r++) {
            long t0 = System.nanoTime();
            lp = SiteLp.build(lpIn);
            LpSolution s = lp.solve(clp, 600);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            if (r > 0) {
                seconds[r - 1] = elapsed; // the first run loads the native library and warms up
            }
            objective = s.objective();
        }
        Path mps = Files.createTempFile("gridtwin-port-year", ".mps");
        try (Writer w = Files.newBufferedWriter(mps, StandardCharsets.UTF_8)) {
            MpsWriter.write(lp.model(), "port", w);
        }
        double[] cbc = time(3, List.of("cbc", mps.toString(), "solve"));
        Path report = Files.createTempFile("gridtwin-glpsol", ".txt");
        double[] glpk = time(3, List.of("glpsol", "--freemps", mps.toString(), "--min", "-o", report.toString()));
        Files.deleteIfExists(report);
        Files.deleteIfExists(mps);
        double g = median(seconds);
        System.out.printf(Locale.ROOT, "%s, year hourly: %d variables, %d rows, objective %.2f yuan%n", label,
                lp.model().variables(), lp.model().rows(), objective);
        System.out.printf(Locale.ROOT, "  GridTwin (%s) build+solve median %.3f s %s%n", lp.method(), g,
                Arrays.toString(seconds));
        System.out.printf(Locale.ROOT, "  cbc (same MPS, incl. reading) median %.3f s %s -> cbc/GridTwin %.1fx%n",
                median(cbc), Arrays.toString(cbc), median(cbc) / g);
        System.out.printf(Locale.ROOT, "  glpsol (same MPS, incl. reading) median %.3f s %s -> glpsol/GridTwin %.1fx%n",
                median(glpk), Arrays.toString(glpk), median(glpk) / g);
    }

    private static double[] time(int runs, List<String> command) throws Exception {
        double[] out = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
            out[r] = (System.nanoTime() - t0) / 1e9;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
