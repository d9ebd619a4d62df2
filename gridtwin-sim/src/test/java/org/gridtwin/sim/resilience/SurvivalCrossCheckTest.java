package org.gridtwin.sim.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.testkit.FakeNanoTimer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The survival analysis against direct simulation: for chosen starts, the port's two July weeks are simulated by the
 * engine with a scheduled outage of exactly the survived length (critical load fully served) and of one hour more
 * (critical load short in its last hour). The analysis and the engine share the bus, so they must agree exactly.
 */
class SurvivalCrossCheckTest {
    static final Scenario NINGBO = BuiltinScenarios.load("ningbo").orElseThrow();
    static Site port;
    static SimulationRequest request;
    static OutageSurvival survival;

    @BeforeAll
    static void analyse() {
        port = NINGBO.site("chuanshan-port").orElseThrow();
        request = SimulationRequest.defaults(NINGBO).withPeriod(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 15));
        survival = ResilienceAnalysis.run(new Simulation(new FakeNanoTimer(1)), request, port.id(), 72, 1).get(0);
    }

    private static SiteResult withOutage(int startStep, int hours) {
        Instant start = Instant.ofEpochSecond(survival.startEpochSecond() + startStep * 3600L);
        Site s = port.withResilience(port.resilience().withEvents(new FaultEvents(
                List.of(new FaultEvents.Window(start, hours * 3600L)), null, List.of(), List.of(), 1)));
        Scenario one = new Scenario(NINGBO.name(), "", NINGBO.source(), NINGBO.simulation(), List.of(s), List.of(),
                NINGBO.economics());
        return new Simulation(new FakeNanoTimer(1)).run(new SimulationRequest(one, request.start(), request.end(),
                request.step(), null, request.seed(), request.mpc())).sites().get(0);
    }

    private static double unmetCriticalKwh(SiteResult r, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += r.island().unmetCriticalKw()[i];
        }
        return sum;
    }

    @Test
    void theCurveAgreesWithSimulatedOutages() {
        // starts inside the first 11 days (so no outage wraps past the period's end), each kind of result
        List<Integer> chosen = new ArrayList<>();
        int zero = -1;
        int some = -1;
        for (int k = 0; k < 24 * 11; k++) {
            double h = survival.criticalHours()[k];
            if (h == 0 && zero < 0) {
                zero = k;
            } else if (h >= 2 && h < 72 && some < 0) {
                some = k;
            }
        }
        assertThat(zero).as("a start the island cannot carry at all").isNotNegative();
        assertThat(some).as("a start the island carries for a while").isNotNegative();
        chosen.add(zero);
        chosen.add(some);
        chosen.add(some + 7);
        chosen.add(100);
        for (int k : chosen) {
            int survived = (int) Math.round(survival.criticalHours()[k]);
            if (survived > 0) {
                SiteResult full = withOutage(k, survived);
                assertThat(unmetCriticalKwh(full, k, k + survived)).as("start %d, %d h", k, survived).isZero();
            }
            if (survived < 72) {
                SiteResult over = withOutage(k, survived + 1);
                assertThat(unmetCriticalKwh(over, k, k + survived + 1)).as("start %d, %d h", k, survived + 1)
                        .isPositive();
                // the hours before the failing one are the same in both runs
                assertThat(unmetCriticalKwh(over, k, k + survived)).isCloseTo(0, within(1e-9));
            }
        }
    }

    @Test
    void theCurveFallsWithLengthAndTheTiersAreOrdered() {
        List<OutageSurvival.CurvePoint> curve = survival.curve();
        for (int d = 1; d < curve.size(); d++) {
            assertThat(curve.get(d).critical()).isLessThanOrEqualTo(curve.get(d - 1).critical());
        }
        for (OutageSurvival.CurvePoint p : curve) {
            assertThat(p.all()).isLessThanOrEqualTo(p.priority());
            assertThat(p.priority()).isLessThanOrEqualTo(p.critical());
        }
        assertThat(survival.startSteps()).hasSize(14 * 24);
    }
}
