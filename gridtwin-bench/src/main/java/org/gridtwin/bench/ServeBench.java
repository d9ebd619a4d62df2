package org.gridtwin.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.server.CycleTimes;
import org.gridtwin.server.GridTwinServer;
import org.gridtwin.server.LiveFleet;

/**
 * The whole live server with N copies of the port site at 1-second cycles in real time: twins, strategy, safety
 * layer, samples queued for the store (written once a second by its own thread), snapshots for the API and the
 * stream. Runs for the given seconds while a load generator (wrk) may hit the API, then prints the control cycle's
 * median, p99 and maximum over the run's last cycles.
 *
 * <p>With a fourth argument, a run body for {@code POST /api/runs} (JSON), the bench first serves for the given
 * seconds idle, then submits the run as a client would, waits for it to finish and submits it again until as many
 * seconds have passed, and prints the cycles of both windows apart: whether heavy runs starve the control loop.
 *
 * <p>Run: {@code java -cp gridtwin-bench/target/benchmarks.jar org.gridtwin.bench.ServeBench [sites] [seconds]
 * [port] [run-json]}, and beside it e.g. {@code wrk -t2 -c50 -d60s --latency http://127.0.0.1:18081/api/live}.
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
            CycleTimes times = server.fleet().cycleTimes();
            long start = times.recorded();
            Thread.sleep(seconds * 1000L);
            print(n + " sites, 1-s cycles", times.since(args.length > 3 ? start : 0));
            if (args.length > 3) {
                long mark = times.recorded();
                // runs one after the other (the server's one worker) until as long as the idle window
                double busySeconds = 0;
                int runs = 0;
                while (busySeconds < seconds) {
                    busySeconds += runAndWait(server.port(), args[3]);
                    runs++;
                }
                print(String.format(Locale.ROOT, "during %d runs (%.1f s)", runs, busySeconds), times.since(mark));
            }
        }
    }

    private static void print(String what, CycleTimes.Summary s) {
        System.out.printf(Locale.ROOT, "%s, %d cycles: median %.3f ms, p99 %.3f ms, max %.3f ms%n", what, s.cycles(),
                s.medianMs(), s.p99Ms(), s.maxMs());
    }

    /** Submits a run over HTTP and polls it until it is no longer queued or running; its wall time, s. */
    private static double runAndWait(int port, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI runs = URI.create("http://127.0.0.1:" + port + "/api/runs");
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(runs).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("the run was refused: " + r.statusCode() + " " + r.body());
        }
        URI run = runs.resolve(r.headers().firstValue("Location").orElseThrow());
        while (true) {
            Thread.sleep(200);
            String status = http.send(HttpRequest.newBuilder(run).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (!status.contains("\"status\":\"queued\"") && !status.contains("\"status\":\"running\"")) {
                System.out.println("run: " + status.substring(0, Math.min(status.length(), 400)));
                return (System.nanoTime() - t0) / 1e9;
            }
        }
    }
}
