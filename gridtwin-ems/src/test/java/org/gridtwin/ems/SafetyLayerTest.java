package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyLayerTest {
    private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");

    static Measurements measured(long epochSecond, double maxChargeKw, double maxDischargeKw) {
        Measurements m = new Measurements();
        m.measuredEpochSecond = epochSecond;
        m.maxChargeKw = maxChargeKw;
        m.maxDischargeKw = maxDischargeKw;
        return m;
    }

    @Test
    void clipsToTheBatterysLimitsAndLogsOneEventPerRun() {
        List<Event> events = new ArrayList<>();
        SafetyLayer s = new SafetyLayer("port", Double.POSITIVE_INFINITY, 10, events::add);
        Measurements m = measured(T0.getEpochSecond(), 800, 1000);
        assertThat(s.apply(1500, m, T0, 1)).isEqualTo(1000);
        assertThat(s.apply(-900, m, T0, 1)).isEqualTo(-800);
        assertThat(s.apply(500, m, T0, 1)).isEqualTo(500);
        assertThat(s.apply(Double.NaN, m, T0, 1)).isZero();
        assertThat(s.apply(2000, m, T0, 1)).isEqualTo(1000);
        assertThat(s.clips()).isEqualTo(3);
        // two runs of clipping (cycles 1-2 and 5): two events
        assertThat(events).extracting(Event::kind).containsExactly(Event.Kind.CLIP, Event.Kind.CLIP);
        assertThat(events.get(0).detail()).isEqualTo(
                "battery 1500.0 kW requested, 1000.0 kW possible (charge ≤ 800.0, discharge ≤ 1000.0)");
    }

    @Test
    void rampLimitMovesTheSetpointByRateTimesCycle() {
        List<Event> events = new ArrayList<>();
        // 100 kW/s with 1-s cycles: 0 → 100 → 200 → 300 towards a 1,000 kW request
        SafetyLayer s = new SafetyLayer("port", 100, 10, events::add);
        Measurements m = measured(T0.getEpochSecond(), 5000, 5000);
        assertThat(s.apply(1000, m, T0, 1)).isEqualTo(100);
        assertThat(s.apply(1000, m, T0, 1)).isEqualTo(200);
        assertThat(s.apply(1000, m, T0, 1)).isEqualTo(300);
        // a 4-s cycle allows 400 kW of change: 300 → -100 towards -500
        assertThat(s.apply(-500, m, T0, 4)).isEqualTo(-100);
        assertThat(s.ramps()).isEqualTo(4);
        assertThat(events).allMatch(e -> e.kind() == Event.Kind.RAMP);
    }

    @Test
    void staleMeasurementsHoldTheBatteryAtZero() {
        List<Event> events = new ArrayList<>();
        SafetyLayer s = new SafetyLayer("port", Double.POSITIVE_INFINITY, 10, events::add);
        // measured 11 s before the cycle, the limit is 10 s
        Measurements old = measured(T0.getEpochSecond() - 11, 5000, 5000);
        assertThat(s.apply(700, old, T0, 1)).isZero();
        Measurements fresh = measured(T0.getEpochSecond() - 10, 5000, 5000);
        assertThat(s.apply(700, fresh, T0, 1)).isEqualTo(700);
        assertThat(s.staleCycles()).isEqualTo(1);
        assertThat(events).singleElement().extracting(Event::detail)
                .isEqualTo("measurements are 11 s old (limit 10 s): battery held at 0 kW");
    }

    @Test
    void staleMeasurementsLimitRenewablesToTheExportLimitAndLimitsPassOtherwise() {
        List<Event> events = new ArrayList<>();
        // export ≤ 200 kW, wind 600 kW, PV 400 kW: with nothing known of the load, wind ≤ 120 and PV ≤ 80
        SafetyLayer s = new SafetyLayer("port", Double.POSITIVE_INFINITY, 10, new ExportGuard(200, 600, 400),
                events::add);
        org.gridtwin.dispatch.Setpoints asked = new org.gridtwin.dispatch.Setpoints().batteryKw(700);
        org.gridtwin.dispatch.Setpoints out = new org.gridtwin.dispatch.Setpoints();
        s.apply(asked, measured(T0.getEpochSecond() - 11, 5000, 5000), T0, 1, out);
        assertThat(out.batteryKw()).isZero();
        assertThat(out.windLimitKw()).isEqualTo(120);
        assertThat(out.pvLimitKw()).isEqualTo(80);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("measurements are 11 s old (limit 10 s): battery held at 0 kW, wind + PV "
                    + "limited to the 200 kW export limit");
            assertThat(e.values()).containsEntry("state", "old_limited").containsEntry("export_limit_kw", "200.0");
        });
        // fresh again: the strategy's own limit passes (a negative one as 0), the safe limits are gone
        asked.limitRenewables(-3, 250);
        s.apply(asked, measured(T0.getEpochSecond(), 5000, 5000), T0, 1, out);
        assertThat(out.batteryKw()).isEqualTo(700);
        assertThat(out.windLimitKw()).isZero();
        assertThat(out.pvLimitKw()).isEqualTo(250);
    }

    @Test
    void rejectsANonPositiveRampLimit() {
        assertThatThrownBy(() -> new SafetyLayer("port", 0, 10, e -> { }))
                .hasMessageContaining("ramp limit must be > 0 kW/s");
    }
}
