package org.gridtwin.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.ems.ControlLoop;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.SafetyLayer;
import org.gridtwin.ems.TwinSite;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;

/**
 * Control-cycle time of the live harness with N port sites on twin devices at 1-second cycles: each cycle reads
 * every site's devices, runs its strategy and safety layer and writes the setpoint. Times 5,000 warm-up and
 * 20,000 measured cycles one by one and prints the median, p99 and maximum.
 *
 * <p>Run: {@code java -cp gridtwin-bench/target/benchmarks.jar org.gridtwin.bench.LiveCycleBench [sites]}
 */
public final class LiveCycleBench {
    private LiveCycleBench() {
    }

    public static void main(String[] args) {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Site port = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port").orElseThrow();
        TimeGrid grid = TimeGrid.ofDates(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2), Duration.ofMinutes(1),
                port.timeZone());
        SiteInputs in = SiteInputsBuilder.build(port, grid, 1);
        List<LiveSite> live = new ArrayList<>();
        long[] events = new long[1];
        for (int k = 0; k < sites; k++) {
            TwinSite twin = new TwinSite(port, grid, in.windKw(), in.pvKw(), in.loadKw(), in.tariff());
            live.add(new LiveSite(port, Strategies.create(port.dispatch().strategy(), port.dispatch()), twin,
                    new SafetyLayer(port.id(), Double.POSITIVE_INFINITY, 5, e -> events[0]++), e -> events[0]++));
        }
        ControlLoop loop = new ControlLoop(live, Duration.ofSeconds(1), 1, grid.start());
        int warm = 5_000;
        int measured = 20_000;
        long[] nanos = new long[measured];
        for (int c = 0; c < warm + measured; c++) {
            Instant now = grid.start().plusSeconds(c);
            long t0 = System.nanoTime();
            loop.runCycle(now);
            long t = System.nanoTime() - t0;
            if (c >= warm) {
                nanos[c - warm] = t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%d sites, 1-s cycles on twins: median %.3f ms, p99 %.3f ms, max %.3f ms "
                + "(%d cycles, %d events)%n", sites, nanos[measured / 2] / 1e6, nanos[(int) (measured * 0.99)] / 1e6,
                nanos[measured - 1] / 1e6, measured, events[0]);
    }
}
