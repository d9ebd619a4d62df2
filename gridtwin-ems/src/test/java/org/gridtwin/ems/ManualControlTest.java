package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.gridtwin.sim.SiteInputs;
import org.junit.jupiter.api.Test;

/**
 * Operator instructions on the port's twin (battery 2,000 kWh, ±1,000 kW, SoC 0.1–0.9 from 0.5) at 15-minute cycles
 * from noon: a hold outranks the strategy, passes the safety layer's clipping and expires on the site's clock.
 */
class ManualControlTest {
    final SiteInputs in = LiveTwinTest.port(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2),
            Duration.ofMinutes(15));
    final Site site = in.site();
    final List<Event> events = new ArrayList<>();
    final TwinSite twin = LiveTwinTest.twin(in);
    final LiveSite live = new LiveSite(site, Strategies.create("self-consumption", site.dispatch()), twin,
            new SafetyLayer(site.id(), Double.POSITIVE_INFINITY, 3600, ExportGuard.of(site), events::add),
            events::add);
    final Instant noon = in.grid().start().plusSeconds(12 * 3600);

    void cycle(int k) {
        live.cycle(noon.plusSeconds(900L * k), 900);
    }

    @Test
    void aHoldBeyondTheRatingIsClippedAndExpiresOnTheSitesClock() {
        cycle(0);
        assertThat(twin.flows().batteryKw()).as("self-consumption discharges into the noon load").isPositive();
        OperatorCommand.Outcome o = OperatorCommand.execute(live, new OperatorCommand.BatterySetpoint(-1500,
                Duration.ofMinutes(30)), "test");
        // 30 minutes from the next cycle (12:15): until 12:45 site time, 04:45Z
        assertThat(o.accepted()).isTrue();
        assertThat(o.until()).isEqualTo(noon.plusSeconds(2700));
        assertThat(o.detail()).isEqualTo("battery held at -1500.0 kW until 2024-06-01T04:45:00Z; the safety layer "
                + "holds it to the 1000 kW charge rating, and within the SoC window each cycle");
        // 12:15 and 12:30: charging at the 1,000 kW rating (250 kWh a cycle fits below the 0.9 ceiling)
        cycle(1);
        assertThat(twin.flows().batteryKw()).isCloseTo(-1000, within(1e-9));
        cycle(2);
        assertThat(twin.flows().batteryKw()).isCloseTo(-1000, within(1e-9));
        // 12:45: expired, the strategy discharges again
        cycle(3);
        assertThat(live.manual().battery()).isNull();
        assertThat(twin.flows().batteryKw()).isPositive();
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.OPERATOR).extracting(e -> e.values().get("state"))
                .containsExactly("battery_hold", "battery_released");
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.CLIP).hasSize(1);
    }

    @Test
    void aPvLimitCurtailsAndARefusalNamesWhy() {
        cycle(0);
        double pv = in.pvKw()[12 * 4 + 1];
        assertThat(pv).as("the sun is up at 12:15").isGreaterThan(100);
        // 15 minutes from the next cycle: 12:15 only
        OperatorCommand.execute(live, new OperatorCommand.RenewablesLimit(Double.POSITIVE_INFINITY, 100,
                Duration.ofMinutes(15)), "test");
        cycle(1);
        assertThat(twin.flows().pvKw()).isCloseTo(100, within(1e-9));
        assertThat(twin.flows().curtailedKw()).isCloseTo(pv - 100, within(1e-6));
        cycle(2);
        assertThat(twin.flows().pvKw()).isCloseTo(in.pvKw()[12 * 4 + 2], within(1e-9));
        assertThat(OperatorCommand.execute(live, new OperatorCommand.BatterySetpoint(100, Duration.ZERO), "test")
                .detail()).isEqualTo("a command lasts more than 0 and at most 1440 minutes, not 0");
        assertThat(OperatorCommand.execute(live, new OperatorCommand.RenewablesLimit(-1, 5, Duration.ofMinutes(5)),
                "test").detail()).isEqualTo("limits are >= 0 kW, not wind -1.0, PV 5.0");
        OperatorCommand.execute(live, new OperatorCommand.BatterySetpoint(-200, Duration.ofHours(2)), "test");
        assertThat(OperatorCommand.execute(live, new OperatorCommand.Release(), "test").detail())
                .isEqualTo("instructions released: the strategy runs chuanshan-port again");
        assertThat(live.manual().battery()).isNull();
    }

    @Test
    void theStrategyDecidesOnThePowerTheLimitLeaves() {
        List<Double> seen = new ArrayList<>();
        org.gridtwin.dispatch.DispatchStrategy recording = new org.gridtwin.dispatch.DispatchStrategy() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void decide(org.gridtwin.dispatch.StepState s, org.gridtwin.dispatch.Setpoints out) {
                seen.add(s.pvAvailableKw());
            }
        };
        LiveSite l = new LiveSite(site, recording, LiveTwinTest.twin(in), new SafetyLayer(site.id(),
                Double.POSITIVE_INFINITY, 3600, events::add), events::add);
        l.cycle(noon, 900);
        OperatorCommand.execute(l, new OperatorCommand.RenewablesLimit(Double.POSITIVE_INFINITY, 100,
                Duration.ofMinutes(15)), "test");
        l.cycle(noon.plusSeconds(900), 900);
        l.cycle(noon.plusSeconds(1800), 900);
        // 12:00 the sun's own, 12:15 the operator's 100 kW, 12:30 the sun's again
        assertThat(seen).containsExactly(in.pvKw()[12 * 4], 100.0, in.pvKw()[12 * 4 + 2]);
    }

    @Test
    void maintenanceHoldsTheBatteryAtZeroAndAStrategySwitchTakesTheNextCycle() {
        cycle(0);
        assertThat(twin.flows().batteryKw()).isPositive();
        assertThat(OperatorCommand.execute(live, OperatorCommand.of(java.util.Map.of("type", "mode", "mode",
                "maintenance")), "test").accepted()).isTrue();
        assertThat(live.manual().mode()).isEqualTo("maintenance");
        cycle(1);
        assertThat(twin.flows().batteryKw()).isZero();
        assertThat(OperatorCommand.execute(live, new OperatorCommand.BatterySetpoint(100, Duration.ofMinutes(5)),
                "test").detail()).isEqualTo("site chuanshan-port is in maintenance (battery at 0 kW): set mode "
                        + "automatic first");
        OperatorCommand.execute(live, OperatorCommand.of(java.util.Map.of("type", "mode", "mode", "automatic")),
                "test");
        cycle(2);
        assertThat(twin.flows().batteryKw()).isPositive();
        assertThat(live.manual().mode()).isEqualTo("automatic");

        OperatorCommand.Outcome o = OperatorCommand.execute(live, OperatorCommand.of(java.util.Map.of("type",
                "strategy", "name", "peak-shaving")), "test");
        assertThat(o.detail()).isEqualTo("chuanshan-port runs on peak-shaving from the next cycle (it was "
                + "self-consumption)");
        assertThat(live.strategyName()).isEqualTo("self-consumption");
        cycle(3);
        assertThat(live.strategyName()).isEqualTo("peak-shaving");
        assertThat(OperatorCommand.execute(live, OperatorCommand.of(java.util.Map.of("type", "strategy", "name",
                "mpc")), "test").detail()).startsWith("strategy must be one of self-consumption, peak-shaving");
        assertThat(events).filteredOn(e -> e.kind() == Event.Kind.OPERATOR).extracting(e -> e.values().get("state"))
                .containsExactly("maintenance", "maintenance_ended", "strategy");
        assertThatThrownBy(() -> OperatorCommand.of(java.util.Map.of("type", "mode", "mode", "manual")))
                .hasMessageStartingWith("manual is what a battery_setpoint");
    }
}
