package org.gridtwin.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Scenario;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
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
 * The engine on the built-in ningbo year (3 sites, 169 cranes): everything {@code engine_seconds} covers, i.e.
 * weather, physics series and the dispatch loop of every site. Single-threaded, so the figure is one core's.
 *
 * <p>Run: {@code mvn -q -DskipTests -pl gridtwin-bench -am package && java -jar gridtwin-bench/target/benchmarks.jar}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class EngineBenchmark {
    @Param({"1m", "15m", "1h"})
    public String step;

    private SimulationRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        Scenario ningbo = BuiltinScenarios.load("ningbo").orElseThrow();
        Duration d = org.gridtwin.model.Durations.parse(step);
        request = SimulationRequest.defaults(ningbo).withStep(d);
    }

    @Benchmark
    public SimulationResult ningboYear() {
        return Simulation.withSystemTimer().run(request);
    }
}
