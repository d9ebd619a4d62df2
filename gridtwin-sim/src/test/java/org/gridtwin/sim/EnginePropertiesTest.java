package org.gridtwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridtwin.testkit.Tolerances.DELTA_KW;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.dispatch.StrategyContext;
import org.gridtwin.dispatch.forecast.Forecaster;
import org.gridtwin.dispatch.lp.OrToolsLpSolver;
import org.gridtwin.model.Battery;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.EmissionFactor;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.Site;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random sites, series and strategies: the energy balance holds at every step, the SoC
 * stays in its window, and no flow exceeds its rating or limit.
 */
class EnginePropertiesTest {

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldForRandomSites(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int steps = 24 * 4 * 3;
        double[] wind = new double[steps];
        double[] pv = new double[steps];
        double[] load = new double[steps];
        double windScale = rnd.nextDouble(0, 500);
        double pvScale = rnd.nextDouble(0, 500);
        double loadScale = rnd.nextDouble(1, 500);
        for (int i = 0; i < steps; i++) {
            wind[i] = rnd.nextDouble() * windScale;
            pv[i] = Math.max(0, Math.sin(Math.PI * (i % 96) / 96.0)) * pvScale * rnd.nextDouble();
            // occasional regeneration makes the load negative
            load[i] = rnd.nextDouble() < 0.05 ? -rnd.nextDouble(0, 50) : rnd.nextDouble() * loadScale;
        }
        double socMin = rnd.nextDouble(0, 0.4);
        double socMax = rnd.nextDouble(socMin + 0.1, 1);
        Battery b = rnd.nextBoolean() ? null : new Battery(rnd.nextDouble(1, 1000), rnd.nextDouble(1, 300),
                rnd.nextDouble(1, 300), rnd.nextDouble(0.7, 1), rnd.nextDouble(0.7, 1), socMin, socMax,
                rnd.nextDouble(socMin, socMax), rnd.nextDouble(0, 0.05));
        GridConnection g = new GridConnection(rnd.nextDouble(0, 600), rnd.nextDouble(0, 300),
                Sites.twoPeriodTariff(0.3, 1.0), 0.4, new EmissionFactor(0.5, null));
        String strategy = Strategies.names().get(rnd.nextInt(Strategies.names().size()));
        DispatchSettings ds = new DispatchSettings(strategy, rnd.nextDouble(1, 400), rnd.nextDouble(0.2, 1));
        Site site = new Site("s" + seed, "random", Sites.SHANGHAI, 30, 120, Sites.flatWeather(), List.of(), List.of(),
                b, g, List.of(), ds);
        SiteInputs in = Inputs.of(site, Duration.ofMinutes(15), wind, pv, load);
        StrategyContext context = Strategies.needsContext(strategy) ? new StrategyContext(LpInputsFactory.of(in),
                in.grid().start().getEpochSecond(), in.grid().stepSeconds(), new OrToolsLpSolver(),
                new StrategyContext.MpcSettings(96, 4, Forecaster.Kind.PERSISTENCE, 0, seed, 10)) : null;
        SiteResult r = Engine.run(in, Strategies.create(strategy, ds, context));

        for (int i = 0; i < steps; i++) {
            String at = "seed " + seed + " " + strategy + " step " + i;
            double supply = r.windKw()[i] + r.pvKw()[i] + r.batteryKw()[i] + r.gridKw()[i] + r.unmetKw()[i];
            assertThat(supply).as(at + " balance").isCloseTo(r.loadKw()[i], org.assertj.core.api.Assertions.within(DELTA_KW));
            assertThat(r.gridKw()[i]).as(at + " import").isLessThanOrEqualTo(g.importLimitKw() + DELTA_KW);
            assertThat(-r.gridKw()[i]).as(at + " export").isLessThanOrEqualTo(g.exportLimitKw() + DELTA_KW);
            assertThat(r.curtailedKw()[i]).as(at + " curtailed").isBetween(0.0, wind[i] + pv[i] + DELTA_KW);
            assertThat(r.windKw()[i]).as(at + " wind").isBetween(0.0, wind[i] + DELTA_KW);
            assertThat(r.pvKw()[i]).as(at + " pv").isBetween(0.0, pv[i] + DELTA_KW);
            assertThat(r.unmetKw()[i]).as(at + " unmet").isGreaterThanOrEqualTo(0);
            if (b == null) {
                assertThat(r.batteryKw()[i]).isZero();
            } else {
                assertThat(r.batteryKw()[i]).as(at + " battery rating")
                        .isBetween(-b.chargeKw() - DELTA_KW, b.dischargeKw() + DELTA_KW);
                assertThat(r.socFraction()[i]).as(at + " soc window")
                        .isBetween(b.socMinFraction() - 1e-12, b.socMaxFraction() + 1e-12);
            }
        }
    }
}
