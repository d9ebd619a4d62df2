package org.gridtwin.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Mounting;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.PvModels;
import org.gridtwin.model.Site;
import org.gridtwin.model.SyntheticWeatherSpec;
import org.gridtwin.model.WindChain;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.pv.PvChain;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.SyntheticWeather;
import org.gridtwin.physics.weather.WeatherSeries;
import org.gridtwin.physics.wind.WindModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One asset's chain over a year at 1-minute steps (525,600 values), the sun and weather already computed (they
 * are shared by every asset of a site). Target: ≤ 150 ms per asset on one core.
 *
 * <p>Run: {@code java -jar gridtwin-bench/target/benchmarks.jar ChainBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ChainBenchmark {
    private TimeGrid grid;
    private SunSeries sun;
    private WeatherSeries weather;
    private PvArray pvDefault;
    private PvArray pvDetailed;
    private WindFarm windSimple;
    private WindFarm windDetailed;

    @Setup(Level.Trial)
    public void setUp() {
        Site port = BuiltinScenarios.load("ningbo").orElseThrow().sites().get(0);
        grid = TimeGrid.ofDates(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1), Duration.ofMinutes(1),
                port.timeZone());
        sun = SunSeries.compute(grid, port.latitudeDeg(), port.longitudeDeg());
        weather = SyntheticWeather.generate((SyntheticWeatherSpec) port.weather(), port.latitudeDeg(),
                port.longitudeDeg(), grid, sun, 1);
        pvDefault = port.pv().get(0);
        pvDetailed = new PvArray("detailed", 3000, 2500, 0, 180, 0.14, -0.0037, 0.2,
                new PvModels(PvModels.Decomposition.DISC, PvModels.Transposition.PEREZ, PvModels.Iam.PHYSICAL,
                        PvModels.TemperatureModel.FAIMAN, PvModels.Inverter.PVWATTS, null, 1),
                new Mounting(Mounting.Type.SINGLE_AXIS, 0, 180, 60, true, 0.35));
        windSimple = port.wind().get(0);
        WindFarm w = windSimple;
        windDetailed = new WindFarm(w.id(), w.count(), w.ratedKw(), w.hubHeightM(), w.shearExponent(),
                w.cutInMPerS(), w.cutOutMPerS(), w.availabilityFraction(), w.powerCurve(),
                new WindChain(WindChain.Profile.LOGARITHMIC, 0.03, 0, WindChain.Density.BAROMETRIC, 2,
                        WindChain.DensityCorrection.WIND_SPEED_SHIFT, List.of(), 196, 20, 0.05));
    }

    /** PVWatts-style chain: Erbs, isotropic, ASHRAE, SAPM, PVWatts inverter, fixed tilt. */
    @Benchmark
    public double[] pvPvwattsFixed() {
        return PvChain.acPowerKw(pvDefault, grid, sun, weather);
    }

    /** The most expensive PV chain: DISC, Perez, physical IAM, Faiman, single-axis tracking with backtracking. */
    @Benchmark
    public double[] pvPerezTracker() {
        return PvChain.acPowerKw(pvDetailed, grid, sun, weather);
    }

    /** Power law and power curve. */
    @Benchmark
    public double[] windPowerCurve() {
        return WindModel.powerKw(windSimple, weather);
    }

    /** Logarithmic profile, barometric density, wind-speed-shift correction, hysteresis, wake loss. */
    @Benchmark
    public double[] windFullChain() {
        return WindModel.powerKw(windDetailed, weather);
    }
}
