package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.Engine;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.sim.SiteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The API against a real server on a random loopback port, its fleet driven cycle by cycle. Expected values come
 * from the simulation engine on the same twin series ("one controller, two harnesses"), or by hand.
 */
class ApiTest {
    /** 2024-06-01 00:00 in Shanghai: the twins' first window starts exactly at the first cycle. */
    static final Instant START = Instant.parse("2024-05-31T16:00:00Z");
    static final int CYCLES = 720; // twelve hours of 1-minute cycles: night and morning
    static final Scenario NINGBO = BuiltinScenarios.load("ningbo").orElseThrow();

    @TempDir
    static Path data;
    static GridTwinServer server;
    static Http http;

    static LiveFleet.Options options() {
        return new LiveFleet.Options(Duration.ofMinutes(1), 1, Duration.ofMinutes(1), Duration.ofDays(7),
                Duration.ZERO);
    }

    static GridTwinServer start(Path dir) throws Exception {
        return GridTwinServer.create(NINGBO, options(), dir, Clock.fixed(START, ZoneOffset.UTC), System::nanoTime)
                .listen("127.0.0.1", 0);
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = start(data);
        server.fleet().runCycles(CYCLES);
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The engine on the series the twin builds for its first window (seed = scenario seed + epoch day). */
    static SiteResult simulated(String siteId) {
        Site site = NINGBO.site(siteId).orElseThrow();
        LocalDate day = LocalDate.of(2024, 6, 1);
        SiteInputs in = SiteInputsBuilder.build(site, TimeGrid.ofDates(day, day.plusDays(7), Duration.ofMinutes(1),
                site.timeZone()), NINGBO.simulation().seed() + day.toEpochDay());
        return Engine.run(in, Strategies.create(site.dispatch().strategy(), site.dispatch()));
    }

    static double kwh(double[] kw, int steps) {
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += kw[i] / 60;
        }
        return sum;
    }

    static double importKwh(double[] gridKw, int steps) {
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += Math.max(0, gridKw[i]) / 60;
        }
        return sum;
    }

    @Test
    void sitesListEveryAssetOfTheScenario() {
        JsonNode sites = http.json("/api/sites");
        assertThat(sites).hasSize(3);
        JsonNode port = http.json("/api/sites/chuanshan-port");
        // two 6.25 MW turbines (ningbo.yaml)
        assertThat(port.at("/assets/wind/0/turbines").asInt()).isEqualTo(2);
        assertThat(port.at("/assets/wind/0/rated_kw").asDouble()).isEqualTo(12_500);
        assertThat(port.at("/time_zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(port.at("/assets/loads/0/type").asString()).isEqualTo("crane_fleet");
        HttpResponse<String> page = http.get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void liveStateEqualsTheSimulationOfTheSameTwelveHours() {
        JsonNode live = http.json("/api/live");
        assertThat(live.get("cycles").asLong()).isEqualTo(CYCLES);
        assertThat(live.get("time").asString()).isEqualTo(START.plus(Duration.ofMinutes(CYCLES)).toString());
        for (JsonNode s : live.get("sites")) {
            SiteResult sim = simulated(s.get("id").asString());
            JsonNode c = s.get("counters");
            assertThat(c.get("wind_kwh").asDouble()).isCloseTo(kwh(sim.windKw(), CYCLES), within(1e-6));
            assertThat(c.get("pv_kwh").asDouble()).isCloseTo(kwh(sim.pvKw(), CYCLES), within(1e-6));
            assertThat(c.get("load_kwh").asDouble()).isCloseTo(kwh(sim.loadKw(), CYCLES), within(1e-6));
            assertThat(c.get("import_kwh").asDouble()).isCloseTo(importKwh(sim.gridKw(), CYCLES), within(1e-6));
            assertThat(s.at("/power/grid_kw").asDouble()).isCloseTo(sim.gridKw()[CYCLES - 1], within(1e-9));
            if (!s.get("soc_fraction").isNull()) {
                assertThat(s.get("soc_fraction").asDouble()).isCloseTo(sim.socFraction()[CYCLES - 1],
                        within(1e-12));
            }
            JsonNode one = http.json("/api/sites/" + s.get("id").asString() + "/live");
            assertThat(one.get("counters")).isEqualTo(c);
        }
    }

    @Test
    void kpisFollowTheirDefinitions() {
        JsonNode k = http.json("/api/kpis");
        JsonNode port = k.at("/sites/chuanshan-port");
        double green = port.get("green_kwh").asDouble();
        assertThat(green).isPositive();
        // every site's grid factor is 0.5703 t/MWh (ningbo.yaml): CO2 avoided = green MWh x 0.5703
        assertThat(port.get("co2_avoided_t").asDouble()).isCloseTo(green / 1000 * 0.5703, within(1e-9));
        // crane months: the same definition as the simulation's KPI, against a simulated year of the cranes
        KpiBasis basis = server.fleet().members().get(0).basis();
        assertThat(port.get("crane_months").asDouble()).isCloseTo(green / basis.craneMonthKwh(), within(1e-12));
        // 169 cranes at 8.9 MWh per crane-month (docs/data-sources.md): a fleet month is about 1,500 MWh
        assertThat(basis.craneMonthKwh()).isCloseTo(1_500_000, within(1_500_000 * 0.02));
        // the village: 2,400 kWh per household-year; income = (green - export) x 0.538 + export x feed-in +
        // PV x 0.42 subsidy (ningbo.yaml)
        JsonNode village = k.at("/sites/liao-village");
        JsonNode vc = http.json("/api/sites/liao-village/live").get("counters");
        double vGreen = village.get("green_kwh").asDouble();
        assertThat(village.get("household_years").asDouble()).isCloseTo(vGreen / 2400, within(1e-12));
        double feedIn = NINGBO.site("liao-village").orElseThrow().grid().feedInYuanPerKwh();
        double export = vc.get("export_kwh").asDouble();
        assertThat(village.get("household_income_yuan").asDouble()).isCloseTo(
                (vGreen - export) * 0.538 + export * feedIn + vc.get("pv_kwh").asDouble() * 0.42, within(1e-9));
        double fleetGreen = 0;
        for (JsonNode s : k.get("sites")) {
            fleetGreen += s.get("green_kwh").asDouble();
        }
        assertThat(k.at("/fleet/green_kwh").asDouble()).isCloseTo(fleetGreen, within(1e-9));
        // the fleet's equivalents are its sites' own: only the port has cranes, only the village households, so
        // the fleet's are theirs (not the fleet's green energy over the port's cranes)
        assertThat(fleetGreen).isGreaterThan(green);
        assertThat(k.at("/fleet/crane_months").asDouble()).isCloseTo(port.get("crane_months").asDouble(),
                within(1e-12));
        assertThat(k.at("/fleet/household_years").asDouble()).isCloseTo(village.get("household_years").asDouble(),
                within(1e-12));
    }

    /**
     * The published figures beside the measured ones, over each figure's own period: the store holds the twelve
     * hours from the port's 2024-06-01 midnight, so the cumulative wind since 2024-01-01 is those hours' wind (and
     * marked incomplete), its CO2 that wind at 0.5703 t/MWh, the village's year the latest 365 days.
     */
    @Test
    void reportedFiguresBesideTheMeasuredOnes() {
        JsonNode figures = http.json("/api/reported").get("figures");
        assertThat(figures).hasSize(NINGBO.reported().size());
        double wind = kwh(simulated("chuanshan-port").windKw(), CYCLES);
        JsonNode cumulative = figures.get(0);
        assertThat(cumulative.get("metric").asString()).isEqualTo("cumulative_wind_kwh");
        assertThat(cumulative.get("reported").asDouble()).isEqualTo(40_000_000);
        assertThat(cumulative.get("measured").asDouble()).isCloseTo(wind, within(1e-6));
        assertThat(cumulative.get("from").asString()).isEqualTo("2024-01-01");
        assertThat(cumulative.get("to").asString()).isEqualTo("2024-06-01");
        assertThat(cumulative.get("complete").asBoolean()).isFalse();
        assertThat(cumulative.get("ratio").asDouble()).isCloseTo(wind / 40_000_000, within(1e-12));
        assertThat(figures.get(1).get("measured").asDouble()).isCloseTo(wind * 0.5703 / 1000, within(1e-9));
        KpiBasis port = server.fleet().members().get(0).basis();
        assertThat(figures.get(2).get("measured").asDouble()).isCloseTo(port.craneMonthKwh() / (12_500 * 24),
                within(1e-12));
        SiteResult village = simulated("liao-village");
        double pv = kwh(village.pvKw(), CYCLES);
        assertThat(figures.get(3).get("measured").asDouble()).isCloseTo(pv, within(1e-6));
        assertThat(figures.get(3).get("from").asString()).isEqualTo("2023-06-03");
        double export = 0;
        for (int i = 0; i < CYCLES; i++) {
            export += Math.max(0, -village.gridKw()[i]) / 60;
        }
        double green = pv + kwh(village.windKw(), CYCLES);
        assertThat(figures.get(4).get("measured").asDouble()).isCloseTo(server.fleet().members().get(1).basis()
                .householdIncomeYuan(green, pv, export), within(1e-6));
    }

    @Test
    void historyRollsUpTheCyclesIntoHours() {
        SiteResult sim = simulated("chuanshan-port");
        JsonNode h = http.json("/api/sites/chuanshan-port/history?resolution=hour&from=2024-05-31T16:00:00Z"
                + "&to=2024-05-31T19:00:00Z");
        assertThat(h.get("points")).hasSize(3);
        for (int hour = 0; hour < 3; hour++) {
            double wind = 0;
            for (int i = hour * 60; i < hour * 60 + 60; i++) {
                wind += sim.windKw()[i] / 60;
            }
            JsonNode p = h.get("points").get(hour);
            assertThat(p.get("samples").asLong()).isEqualTo(60);
            assertThat(p.get("wind_kwh").asDouble()).isCloseTo(wind, within(1e-6));
        }
        // days are the site's: the twelve hours from Shanghai midnight (16:00Z to 04:00Z) are one day, not parts of
        // two UTC days
        JsonNode days = http.json("/api/sites/chuanshan-port/history?resolution=day&from=2024-06-01&to=2024-06-03");
        assertThat(days.get("points")).hasSize(1);
        assertThat(days.at("/points/0/start").asString()).isEqualTo("2024-05-31T16:00:00Z");
        assertThat(days.at("/points/0/samples").asLong()).isEqualTo(CYCLES);
        assertThat(days.at("/points/0/wind_kwh").asDouble()).isCloseTo(kwh(sim.windKw(), CYCLES), within(1e-6));
        // a local date means the site's midnight: 2024-06-01 in Shanghai is 2024-05-31T16:00Z
        JsonNode raw = http.json("/api/sites/chuanshan-port/history?resolution=raw&from=2024-06-01"
                + "&to=2024-05-31T16:10:00Z");
        assertThat(raw.get("points")).hasSize(10);
        assertThat(raw.at("/points/0/wind_kw").asDouble()).isCloseTo(sim.windKw()[0], within(1e-9));
    }

    @Test
    void badRequestsGetProblemDetailsWithoutTraces() {
        HttpResponse<String> r = http.get("/api/sites/nowhere");
        assertProblem(r, 404, "no site 'nowhere' (sites: chuanshan-port, liao-village, meishan-ev-factory)");
        assertProblem(http.get("/api/no-such-thing"), 404, "no such resource: /api/no-such-thing");
        assertProblem(http.get("/api/sites/chuanshan-port/history?resolution=week"), 400,
                "resolution = week is not one of raw, minute, quarter_hour, hour, day");
        assertProblem(http.get("/api/sites/chuanshan-port/history?from=yesterday"), 400,
                "from = yesterday is neither an ISO instant like 2026-11-29T08:00:00Z nor a date like 2026-11-29");
        // a year of minutes is 525,600 buckets, over the 20,000 a response carries
        assertProblem(http.get("/api/sites/chuanshan-port/history?resolution=minute&from=2024-01-01&to=2025-01-01"),
                400, "the range holds up to 527040 minute buckets; at most 20000 points are returned at once: "
                        + "narrow the range or choose a coarser resolution");
        assertProblem(http.get("/api/stream"), 406, "the live stream is Server-Sent Events: send Accept: "
                + "text/event-stream (e.g. curl -N -H 'Accept: text/event-stream' …/api/stream)");
        assertProblem(http.get("/api/events?limit=0"), 400, "limit = 0 must be a whole number from 1 to 1000");
        // 3 MiB is over the 2 MiB limit
        String big = "#".repeat(3 * 1024 * 1024);
        HttpResponse<String> tooBig = http.post("/api/scenarios/validate", big, "application/yaml");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValue(ApiServer.PROBLEM_JSON);
    }

    static void assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ApiServer.PROBLEM_JSON);
        JsonNode p = Http.parse(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asString()).isEqualTo(detail);
        assertThat(r.body()).doesNotContain("at org.").doesNotContain("Exception");
    }

    @Test
    void anInvalidScenarioIsRefusedWithEveryProblemAndItsLine() {
        String yaml = BuiltinScenarios.text("ningbo").orElseThrow()
                .replace("emission_factor_t_per_mwh: 0.5703", "emission_factor_t_per_mwh: -1");
        HttpResponse<String> r = http.post("/api/scenarios/validate", yaml, "application/yaml");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Http.parse(r).get("errors");
        // the three sites each state the factor (ningbo.yaml lines 100, 152 and 183)
        assertThat(errors).hasSize(3);
        List<Integer> lines = new ArrayList<>();
        errors.forEach(e -> lines.add(e.get("line").asInt()));
        assertThat(lines).containsExactly(100, 152, 183);
        assertThat(errors.get(0).get("value").asString()).isEqualTo("-1");
        JsonNode ok = Http.parse(http.post("/api/scenarios/validate", BuiltinScenarios.text("ningbo").orElseThrow(),
                "application/yaml"));
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("sites")).hasSize(3);
    }

    @Test
    void aRunIsQueuedExecutedAndItsFilesServed() throws Exception {
        HttpResponse<String> r = http.post("/api/runs", "{\"scenario\":\"ningbo\",\"start\":\"2024-06-01\","
                + "\"end\":\"2024-06-02\",\"step\":\"1h\"}", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = Http.parse(r).get("id").asString();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/runs/" + id);
        JsonNode run = http.json("/api/runs/" + id);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!run.get("status").asString().equals("succeeded") && System.nanoTime() < deadline) {
            assertThat(run.get("status").asString()).isNotEqualTo("failed");
            Thread.sleep(50);
            run = http.json("/api/runs/" + id);
        }
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
        JsonNode summary = http.json(run.get("summary_url").asString());
        // the same day simulated directly: the run's headline equals the simulation's fleet green energy
        var direct = org.gridtwin.sim.Simulation.withSystemTimer().run(org.gridtwin.sim.SimulationRequest
                .defaults(NINGBO).withPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2))
                .withStep(Duration.ofHours(1)));
        var fleet = org.gridtwin.sim.kpi.KpiCalculator.fleet(direct.sites());
        assertThat(run.at("/headline/green_kwh").asDouble()).isCloseTo(fleet.windKwh() + fleet.pvKwh(),
                within(1e-6));
        assertThat(summary.toString()).contains("chuanshan-port");
        HttpResponse<String> report = http.get(run.get("report_url").asString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(http.json("/api/runs")).anySatisfy(x -> assertThat(x.get("id").asString()).isEqualTo(id));
        // a finished run cannot be cancelled; an unknown one is not found
        assertProblem(http.delete("/api/runs/" + id), 409, id + " has already finished (succeeded); only queued and "
                + "running runs can be cancelled");
        assertProblem(http.delete("/api/runs/run-999"), 404, "no run 'run-999'");
        // the run's start is in the audit trail: the anonymous viewer of a loopback server, from 127.0.0.1
        assertThat(new org.gridtwin.server.auth.AuditLog(data, Clock.systemUTC()).records())
                .anySatisfy(a -> {
                    assertThat(a.get("action")).isEqualTo("POST /api/runs");
                    assertThat(a.get("outcome")).isEqualTo("run " + id + " queued");
                    assertThat(a.get("actor")).isEqualTo("anonymous");
                    assertThat(a.get("client")).isEqualTo("127.0.0.1");
                });
    }

    @Test
    void aRunBeyondTheCostLimitIsRefusedWithTheLimitAndAPeriodBeyond9999WithASentence() {
        // a comparison of every strategy at one minute: 527,040 steps × 3 sites × 6 strategies
        HttpResponse<String> r = http.post("/api/runs", "{\"kind\":\"compare\",\"step\":\"1m\"}", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(Http.parse(r).at("/errors/0/message").asString()).contains("= 9,486,720 site-steps; a run may "
                + "have at most 5,000,000 here");
        r = http.post("/api/runs", "{\"start\":\"0001-01-01\"}", "application/json");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("must be a date from 1900-01-01 to 2101-01-01").doesNotContain("java.");
        r = http.post("/api/runs", "{\"end\":\"+10000-01-01\"}", "application/json");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).doesNotContain("java.");
    }

    @Test
    void badRunRequestsNameTheMemberAndTheRule() {
        assertProblem(http.post("/api/runs", "[1]", "application/json"), 400,
                "the body must be a JSON object such as {\"scenario\": \"ningbo\"}");
        assertProblem(http.post("/api/runs", "{\"scenario\":\"ningbo\",\"speed\":2}", "application/json"), 400,
                "unknown member 'speed'; known: end, kind, scenario, start, step, strategies, strategy, yaml");
        HttpResponse<String> r = http.post("/api/runs", "{\"strategy\":\"cheapest\"}", "application/json");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Http.parse(r).at("/errors/0/message").asString()).isEqualTo("request body: strategy = cheapest "
                + "is not a known strategy (known: " + String.join(", ", Strategies.names()) + ")");
        r = http.post("/api/runs", "{\"start\":\"2024-06-02\",\"end\":\"2024-06-01\"}", "application/json");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Http.parse(r).at("/errors/0/path").asString()).isEqualTo("end");
        assertProblem(http.get("/api/runs/run-999"), 404, "no run 'run-999'");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndNoOther() {
        JsonNode doc = http.json("/openapi.json");
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        List<String> documented = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            for (String method : doc.get("paths").get(path).propertyNames()) {
                documented.add(method.toUpperCase() + " " + path);
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.api().routes());
    }

    @Test
    void metricsAreExposedForPrometheus() {
        http.json("/api/live");
        HttpResponse<String> r = http.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("gridtwin_cycle_seconds_count " + CYCLES)
                .contains("gridtwin_store_samples_written_total " + (3 * CYCLES))
                .contains("gridtwin_api_request_seconds_count{method=\"GET\",route=\"/api/live\",status=\"200\"}");
    }

    @Test
    void theStreamSendsTheLiveStateAtOnce() throws Exception {
        // one SSE event, read up to its blank line (keep-alive comments before it are allowed): its name, then the
        // /api/live document as its data
        List<String> event = LiveStreamTest.firstEventLines(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/stream"));
        assertThat(event).hasSize(2);
        assertThat(event.get(0)).isEqualTo("event: live");
        assertThat(event.get(1)).startsWith("data: ");
        assertThat(Http.JSON.readTree(event.get(1).substring(6))).isEqualTo(http.json("/api/live"));
    }

    @Test
    void eventsAreListedNewestFirst() {
        JsonNode e = http.json("/api/events?limit=1000");
        assertThat(e.get("total").asLong()).isEqualTo(server.events().total());
        assertThat(e.get("events").size()).isEqualTo((int) Math.min(1000, server.events().total()));
    }

    @Test
    void sitesWithoutABatteryRaiseNoBatteryEventsAndEventsCarryASeverity() {
        // twelve hours of the village and the factory: no battery, so nothing to clip or ramp
        for (String site : List.of("liao-village", "meishan-ev-factory")) {
            assertThat(http.json("/api/events?limit=1000&site=" + site).get("events")).isEmpty();
        }
        JsonNode all = http.json("/api/events?limit=1000");
        // routine clips and ramps are information; unserved load, stale data and a refusing store are alarms
        java.util.Map<String, String> severity = java.util.Map.of("clip", "info", "ramp", "info", "unmet", "alarm",
                "stale", "alarm", "store", "alarm");
        assertThat(all.get("events")).isNotEmpty().allSatisfy(e -> assertThat(e.get("severity").asString())
                .isEqualTo(severity.get(e.get("kind").asString())));
        // the port's clips are routine: none of them is a warning or an alarm
        assertThat(http.json("/api/events?limit=1000&severity=warning").get("events")).allSatisfy(e ->
                assertThat(e.get("kind").asString()).isNotEqualTo("clip"));
        assertThat(http.get("/api/events?severity=loud").statusCode()).isEqualTo(400);
        // every event carries the values its English line was written from, for pages in other languages
        JsonNode clip = all.get("events").valueStream().filter(e -> e.get("kind").asString().equals("clip"))
                .findFirst().orElseThrow();
        JsonNode v = clip.get("values");
        assertThat(clip.get("detail").asString()).isEqualTo(String.format(java.util.Locale.ROOT,
                "battery %s kW requested, %s kW possible (charge ≤ %s, discharge ≤ %s)", v.get("requested_kw")
                        .asString(), v.get("possible_kw").asString(), v.get("max_charge_kw").asString(),
                v.get("max_discharge_kw").asString()));
    }
}
