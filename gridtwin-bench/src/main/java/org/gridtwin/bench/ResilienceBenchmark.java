package org.gridtwin.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.Battery;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.Engine;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.resilience.OutageSurvival;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The outage survival analysis of the port's year at hourly steps: an outage of up to 72 h from each of the 8,784
 * hours, on the shared bus. {@code battery=port} is the built-in 2 MWh / 1 MW (most outages fail within hours, so
 * each start stops early); {@code battery=large} a 400 MWh / 20 MW battery that carries the critical load through
 * most outages, so nearly every start runs all 72 steps: 632,448 island steps, the worst case.
 *
 * <p>Run: {@code java -jar gridtwin-bench/target/benchmarks.jar ResilienceBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResilienceBenchmark {
    @Param({"port", "large"})
    public String battery;
    private SiteInputs inputs;
    private SiteResult normal;

    @Setup(Level.Trial)
    public void setUp() {
        Site port = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port").orElseThrow();
        if ("large".equals(battery)) {
            Battery b = port.battery();
            port = new Site(port.id(), port.name(), port.timeZone(), port.latitudeDeg(), port.longitudeDeg(),
                    port.weather(), port.wind(), port.pv(), new Battery(400_000, 20_000, 20_000, b.chargeEfficiency(),
                            b.dischargeEfficiency(), b.socMinFraction(), b.socMaxFraction(), b.socInitialFraction(),
                            b.selfDischargePerDay()), port.grid(), port.loads(), port.dispatch(), port.resilience());
        }
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), Duration.ofHours(1),
                port.timeZone());
        inputs = SiteInputsBuilder.build(port, grid, 1);
        normal = Engine.run(inputs, Strategies.create("self-consumption", port.dispatch()));
    }

    @Benchmark
    public OutageSurvival yearOf72HourOutages() {
        return OutageSurvival.analyse(inputs, normal, 72, 1);
    }
}
