package org.gridtwin.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.sim.sizing.SearchSpace;
import org.gridtwin.sim.sizing.SearchSpaceReader;
import org.gridtwin.sim.sizing.Sizing;
import org.gridtwin.sim.sizing.SizingRow;
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
 * Sizing of the built-in port site (chuanshan-port, hourly 2024, 169 cranes), with self-consumption rules or the
 * optimal-foresight plan of each configuration ({@code -p strategy=optimal-foresight}).
 * {@code oneConfiguration}: one configuration's dispatch year, KPIs and project costs on one thread — the
 * per-configuration engine time. {@code thousandConfigurations}: 1,000 configurations through {@link Sizing#run}
 * on all cores, ranking and Pareto front included; ten of them are the 10,000-configuration figure.
 *
 * <p>Run: {@code java -jar gridtwin-bench/target/benchmarks.jar SizingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SizingBenchmark {
    @Param({"self-consumption", "optimal-foresight"})
    public String strategy;
    private SiteInputs base;
    private Scenario ningbo;
    private Sizing.Evaluator evaluator;
    private SearchSpace around;
    private SearchSpace thousand;
    private SearchSpace.Config config;

    @Setup(Level.Trial)
    public void setUp() {
        ningbo = BuiltinScenarios.load("ningbo").orElseThrow();
        Site port = ningbo.site("chuanshan-port").orElseThrow();
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), Duration.ofHours(1),
                port.timeZone());
        base = SiteInputsBuilder.build(port, grid, 1);
        around = SearchSpaceReader.around(port);
        evaluator = new Sizing.Evaluator(base, around, ningbo.economics(), strategy);
        config = around.configs().get(around.configs().size() / 2);
        // 10 PV x 10 battery x 5 powers x 2 turbine counts = 1,000 configurations (no zero battery)
        List<Double> pv = new ArrayList<>();
        List<Double> kwh = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            pv.add(1000.0 * i);
            kwh.add(1000.0 * i);
        }
        thousand = new SearchSpace(pv, kwh, List.of(500.0, 1000.0, 1500.0, 2000.0, 2500.0), List.of(1, 2),
                List.of(20000.0), 0, 1, Double.POSITIVE_INFINITY);
    }

    @Benchmark
    @Warmup(iterations = 20)
    @Measurement(iterations = 50)
    public SizingRow oneConfiguration() {
        return evaluator.evaluate(config);
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public List<SizingRow> thousandConfigurations() {
        return Sizing.run(base, thousand, ningbo.economics(), strategy, done -> {
        });
    }
}
