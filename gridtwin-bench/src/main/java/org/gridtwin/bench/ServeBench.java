package org.gridtwin.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.server.GridTwinServer;
import org.gridtwin.server.LiveFleet;

/**
 * The whole live server with N copies of the port site at 1-second cycles in real time: twins, strategy, safety
 * layer, samples queued for the store (written once a second by its own thread), snapshots for the API and the
 * stream. Runs for the given seconds while a load generator (wrk) may hit the API, then prints the control cycle's
 * median, p99 and maximum over the run's last cycles.
 *
 * <p>Run: {@code java -cp gridtwin-bench/target/benchmarks.jar org.gridtwin.bench.ServeBench [sites] [seconds]
 * [port]}, and beside it e.g. {@code wrk -t2 -c50 -d60s --latency http://127.0.0.1:18081/api/live}.
 */
public final class ServeBench {
    private ServeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 18081;
        Scenario ningbo = BuiltinScenarios.load("ningbo").orElseThrow();
        Site p = ningbo.site("chuanshan-port").orElseThrow();
        List<Site> sites = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            sites.add(new Site(p.id() + "-" + k, p.name() + " #" + k, p.timeZone(), p.latitudeDeg(),
                    p.longitudeDeg(), p.weather(), p.wind(), p.pv(), p.battery(), p.grid(), p.loads(), p.dispatch()));
        }
        Scenario sc = new Scenario("ports-" + n, n + " copies of the Chuanshan port", null, ningbo.simulation(),
                sites, List.of());
        Path data = Files.createTempDirectory("gridtwin-servebench");
        long t0 = System.nanoTime();
        try (GridTwinServer server = GridTwinServer.create(sc, LiveFleet.Options.defaults(), data, Clock.systemUTC(),
                System::nanoTime).listen("127.0.0.1", port)) {
            System.out.printf(Locale.ROOT, "%d sites built in %.1f s; serving on port %d for %d s%n", n,
                    (System.nanoTime() - t0) / 1e9, server.port(), seconds);
            server.run();
            Thread.sleep(seconds * 1000L);
            double[] ms = server.fleet().cycleMillis();
            System.out.printf(Locale.ROOT, "%d sites, 1-s cycles, %d cycles: median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    n, server.fleet().loop().cyclesRun(), ms[0], ms[1], ms[2]);
        }
    }
}
