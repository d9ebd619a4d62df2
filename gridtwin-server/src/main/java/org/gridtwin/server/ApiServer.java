package org.gridtwin.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson3;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.gridtwin.ems.Event;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.model.yaml.ScenarioReader;
import org.gridtwin.server.auth.Access.Need;
import org.gridtwin.store.TelemetryStore;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP side of {@code gridtwin serve}: the JSON API (documented in {@code /openapi.json}), the live stream,
 * Prometheus metrics and the dashboard's files. Every route is registered with what its caller needs (the access table,
 * docs/security.md); the one that changes a site is the operator's command, through the same path as MQTT's.
 */
public final class ApiServer implements AutoCloseable {
    /** Largest request body accepted (a scenario with inline profiles fits easily). */
    public static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String OPENAPI = "/org/gridtwin/server/openapi.json";

    private final LiveFleet fleet;
    private final TelemetryStore store;
    private final EventLog events;
    private final RunService runs;
    private final RequestGuard guard = new RequestGuard();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);
    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final LiveStream stream;
    private final HistoryQuery history;
    private final byte[] sitesJson;
    private final Javalin app;
    private final org.gridtwin.server.auth.Access access;
    private final Tls tls;
    private final ControlApi control;
    private volatile String bindHost;
    private volatile int bindPort;

    /**
     * @param tls the certificate and key to serve HTTPS with, or null for plain HTTP
     */
    public ApiServer(LiveFleet fleet, TelemetryStore store, EventLog events, RunService runs, Metrics metrics,
            LongSupplier nanoTime, org.gridtwin.server.auth.Access access, Tls tls) {
        this.access = access;
        this.tls = tls;
        this.control = new ControlApi(access, fleet, events, tls != null, this::site);
        this.fleet = fleet;
        this.store = store;
        this.events = events;
        this.runs = runs;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.stream = new LiveStream(fleet::snapshot, metrics, 1000);
        this.history = new HistoryQuery(store, fleet.scenario(), fleet.recorder()::writes);
        ArrayNode sites = Snapshot.JSON.createArrayNode();
        fleet.scenario().sites().forEach(s -> sites.add(SiteJson.of(s)));
        this.sitesJson = Snapshot.JSON.writeValueAsBytes(sites);
        this.app = Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.jsonMapper(new JavalinJackson3(Snapshot.JSON, false));
        config.staticFiles.add(s -> {
            s.hostedPath = "/";
            s.directory = "/org/gridtwin/server/web";
            s.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
        if (tls != null) {
            // the only connector: no plain-HTTP one is opened beside it
            config.jetty.addConnector((server, http) -> {
                http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
                org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl =
                        new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
                ssl.setKeyStore(tls.keyStore());
                ssl.setKeyStorePassword(new String(Tls.PASSWORD));
                ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                org.eclipse.jetty.server.ServerConnector c = new org.eclipse.jetty.server.ServerConnector(server,
                        new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
                        new org.eclipse.jetty.server.HttpConnectionFactory(http));
                c.setHost(bindHost);
                c.setPort(bindPort);
                return c;
            });
        }
        var r = config.routes;
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        r.before(ctx -> {
            RequestGuard.securityHeaders(ctx::header);
            RequestGuard.Refusal no = guard.check(ctx.method().name(), ctx.path(), ctx.header("Host"),
                    ctx.header("Origin"), ctx.contentType(), ctx.contentLength() > 0 || ctx.header("Transfer-Encoding")
                            != null);
            if (no != null) {
                throw new ApiProblem(no.status(), no.detail());
            }
        });
        r.before("/api/*", ctx -> ctx.attribute("t0", nanoTime.getAsLong()));
        r.after("/api/*", this::observe);
        access.rule("GET", "/api/stream", Need.VIEWER);
        r.before("/api/stream", ctx -> {
            authorize(ctx, Need.VIEWER);
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                // without it Jetty would answer an empty 200, which looks like a stream with nothing to say
                throw new ApiProblem(406, "the live stream is Server-Sent Events: send Accept: text/event-stream "
                        + "(e.g. curl -N -H 'Accept: text/event-stream' …/api/stream)");
            }
        });
        r.get("/openapi.json", guarded("GET", "/openapi.json", Need.PUBLIC, ctx -> ctx.contentType("application/json")
                .result(resource(OPENAPI))));
        r.get("/metrics", guarded("GET", "/metrics", Need.VIEWER, ctx -> {
            ctx.contentType(metrics.contentType());
            metrics.write(ctx.outputStream());
        }));
        r.post("/api/login", guarded("POST", "/api/login", Need.PUBLIC, control::login));
        r.post("/api/logout", guarded("POST", "/api/logout", Need.PUBLIC, control::logout));
        r.get("/api/session", guarded("GET", "/api/session", Need.PUBLIC, control::session));
        r.get("/api/health", guarded("GET", "/api/health", Need.VIEWER, this::health));
        r.get("/api/sites", guarded("GET", "/api/sites", Need.VIEWER, ctx -> json(ctx, sitesJson)));
        r.get("/api/sites/{id}", guarded("GET", "/api/sites/{id}", Need.VIEWER, ctx -> json(ctx,
                Snapshot.JSON.writeValueAsBytes(SiteJson.of(site(ctx))))));
        r.get("/api/live", guarded("GET", "/api/live", Need.VIEWER, ctx -> json(ctx, fleet.snapshot().live())));
        r.get("/api/sites/{id}/live", guarded("GET", "/api/sites/{id}/live", Need.VIEWER, ctx -> json(ctx,
                fleet.snapshot().siteLive().get(site(ctx).id()))));
        r.post("/api/sites/{id}/commands", guarded("POST", "/api/sites/{id}/commands", Need.OPERATOR,
                control::command));
        r.get("/api/kpis", guarded("GET", "/api/kpis", Need.VIEWER, ctx -> json(ctx, fleet.snapshot().kpis())));
        r.get("/api/sites/{id}/history", guarded("GET", "/api/sites/{id}/history", Need.VIEWER, ctx -> json(ctx,
                history.json(site(ctx), ctx.queryParam("resolution"), ctx.queryParam("from"), ctx.queryParam("to"),
                        fleet.snapshot().time()))));
        r.get("/api/events", guarded("GET", "/api/events", Need.VIEWER, this::events));
        r.get("/api/reported", guarded("GET", "/api/reported", Need.VIEWER, ctx -> json(ctx, reported())));
        r.get("/api/scenarios", guarded("GET", "/api/scenarios", Need.VIEWER, ctx -> ctx.json(
                BuiltinScenarios.list())));
        r.post("/api/scenarios/validate", guarded("POST", "/api/scenarios/validate", Need.VIEWER, this::validate));
        r.post("/api/runs", guarded("POST", "/api/runs", Need.VIEWER, ctx -> {
            RunService.Run run = RunRequests.submit(runs, ctx.body());
            control.audit(ctx, "run " + run.id() + " queued");
            ctx.status(202).header("Location", "/api/runs/" + run.id()).json(run.toMap());
        }));
        r.get("/api/runs", guarded("GET", "/api/runs", Need.VIEWER, ctx -> ctx.json(runs.list().stream()
                .map(RunService.Run::toMap).toList())));
        r.get("/api/runs/{id}", guarded("GET", "/api/runs/{id}", Need.VIEWER, ctx -> ctx.json(run(ctx).toMap())));
        r.delete("/api/runs/{id}", guarded("DELETE", "/api/runs/{id}", Need.VIEWER, this::cancelRun));
        r.get("/api/runs/{id}/summary", guarded("GET", "/api/runs/{id}/summary", Need.VIEWER, ctx -> runFile(ctx,
                true)));
        r.get("/api/runs/{id}/report", guarded("GET", "/api/runs/{id}/report", Need.VIEWER, ctx -> runFile(ctx,
                false)));
        r.get("/api/audit", guarded("GET", "/api/audit", Need.ADMIN, control::auditRecords));
        r.sse("/api/stream", stream::connect);
        r.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage(), e.extensions()));
        r.exception(InvalidInputException.class, (e, ctx) -> problem(ctx, 422, e.problems().size()
                + (e.problems().size() == 1 ? " problem" : " problems") + " in the request: "
                + e.problems().get(0).message(), Map.of("errors", errors(e.problems()))));
        r.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                List<String> allow = allowedMethods(ctx.path());
                ctx.header("Allow", String.join(", ", allow));
                problem(ctx, 405, ctx.method().name() + " is not a method of " + ctx.path() + " (allowed: "
                        + String.join(", ", allow) + ")", Map.of());
                return;
            }
            problem(ctx, e.getStatus(), e.getStatus() == 404 ? "no such resource: " + ctx.path() : e.getMessage(),
                    Map.of());
        });
        r.exception(Exception.class, (e, ctx) -> {
            // a bug: the client gets a plain sentence, the operator's console the cause (never a stack trace in
            // a response)
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "internal error; the server log names the cause", Map.of());
        });
        r.error(404, ctx -> {
            if (!PROBLEM_JSON.equals(ctx.res().getContentType())) {
                problem(ctx, 404, "no such resource: " + ctx.path(), Map.of());
            }
        });
    }

    /** A route's handler behind its access rule, which goes into the table. */
    private io.javalin.http.Handler guarded(String method, String path, Need need, io.javalin.http.Handler h) {
        access.rule(method, path, need);
        return ctx -> {
            authorize(ctx, need);
            h.handle(ctx);
        };
    }

    private void authorize(Context ctx, Need need) {
        java.util.Optional<org.gridtwin.server.auth.Access.Caller> caller = access.caller(ctx.cookie(
                org.gridtwin.server.auth.Access.COOKIE), ctx.header("Authorization"));
        if (caller.isEmpty() && ctx.header("Authorization") != null && need != Need.PUBLIC) {
            throw new ApiProblem(401, "the bearer token is unknown or revoked (gridtwin tokens list)");
        }
        org.gridtwin.server.auth.Access.Refusal no = access.check(need, caller, RequestGuard.WRITES.contains(
                ctx.method().name()), ctx.header(org.gridtwin.server.auth.Access.CSRF_HEADER));
        if (no != null) {
            throw new ApiProblem(no.status(), no.detail());
        }
        caller.ifPresent(c -> ctx.attribute("caller", c));
    }

    /** The access table: every route, its method and what it needs. */
    public List<org.gridtwin.server.auth.Access.Rule> accessRules() {
        return access.rules();
    }

    /**
     * ok; degraded (serving, but something needs an operator: the store refuses writes, a field device is stale)
     * with the reasons; stopped
     * (the control loop failed) with 503.
     */
    private void health(Context ctx) {
        CycleTimes.Summary ms = fleet.cycleTimes().latest();
        Map<String, Object> m = new LinkedHashMap<>();
        String failure = fleet.loop().failure().map(Throwable::getMessage).orElse(null);
        Recorder.Health store = fleet.recorder().health();
        List<String> problems = new ArrayList<>();
        if (failure != null) {
            problems.add("the control loop stopped: " + failure);
        }
        if (!store.ok()) {
            problems.add("the store refuses writes since " + store.failingSince() + " (" + store.reason() + "); "
                    + store.pendingSamples() + " samples wait in memory"
                    + (store.longestSampleSeconds() > fleet.options().cycle().toSeconds()
                            ? ", merged to at most " + Math.round(store.longestSampleSeconds()) + " s each" : ""));
        }
        problems.addAll(fleet.deviceProblems());
        m.put("status", failure != null ? "stopped" : problems.isEmpty() ? "ok" : "degraded");
        m.put("problems", problems);
        m.put("cycles", fleet.loop().cyclesRun());
        m.put("loop_failure", failure);
        m.put("cycle_ms", Map.of("median", ms.medianMs(), "p99", ms.p99Ms(), "max", ms.maxMs()));
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("writing", store.ok());
        st.put("failing_since", store.failingSince() == null ? null : store.failingSince().toString());
        st.put("reason", store.reason());
        st.put("pending_samples", store.pendingSamples());
        st.put("longest_pending_sample_s", store.longestSampleSeconds());
        m.put("store", st);
        m.put("stream_clients", stream.clients());
        ctx.status(failure == null ? 200 : 503).json(m);
    }

    private void observe(Context ctx) {
        Long t0 = ctx.attribute("t0");
        if (t0 == null || ctx.path().equals("/api/stream")) {
            return;
        }
        String route;
        try {
            io.javalin.router.Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            route = e == null ? "unmatched" : e.path; // the template, so ids do not multiply the series
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        metrics.apiSeconds.labelValues(ctx.method().name(), route, Integer.toString(ctx.statusCode()))
                .observe((nanoTime.getAsLong() - t0) / 1e9);
    }

    private static void json(Context ctx, byte[] body) {
        ctx.contentType("application/json").result(body);
    }

    static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the jar lacks " + name, e);
        }
    }

    private Site site(Context ctx) {
        String id = ctx.pathParam("id");
        return fleet.scenario().site(id).orElseThrow(() -> ApiProblem.notFound("no site '" + id + "' (sites: "
                + String.join(", ", fleet.scenario().sites().stream().map(Site::id).toList()) + ")"));
    }

    /** 200 when a queued run is cancelled, 202 while a running one stops, 409 for a finished one. */
    private void cancelRun(Context ctx) {
        RunService.Run before = run(ctx);
        RunService.Status was = before.status();
        if (was != RunService.Status.QUEUED && was != RunService.Status.RUNNING) {
            throw new ApiProblem(409, before.id() + " has already finished (" + was.name().toLowerCase(
                    java.util.Locale.ROOT) + "); only queued and running runs can be cancelled");
        }
        RunService.Run run = runs.cancel(before.id()).orElseThrow();
        control.audit(ctx, "run " + run.id() + " " + run.status().name().toLowerCase(java.util.Locale.ROOT));
        ctx.status(run.status() == RunService.Status.CANCELLED ? 200 : 202).json(run.toMap());
    }

    private RunService.Run run(Context ctx) {
        String id = ctx.pathParam("id");
        return runs.get(id).orElseThrow(() -> ApiProblem.notFound("no run '" + id + "'"));
    }

    private void runFile(Context ctx, boolean summary) throws java.io.IOException {
        RunService.Run run = run(ctx);
        if (run.status() != RunService.Status.SUCCEEDED) {
            throw new ApiProblem(409, "run " + run.id() + " is " + run.status().name().toLowerCase()
                    + "; its files exist once it has succeeded");
        }
        java.nio.file.Path file = summary ? run.summary() : run.report();
        String type = file.toString().endsWith(".json") ? "application/json"
                : file.toString().endsWith(".csv") ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";
        ctx.contentType(type).result(java.nio.file.Files.readAllBytes(file));
    }

    /** Reported beside measured, computed at most every {@value #REPORTED_SECONDS} s (a year of quarter hours). */
    static final int REPORTED_SECONDS = 10;
    private byte[] reportedJson;
    private long reportedNanos;

    private synchronized byte[] reported() {
        long now = nanoTime.getAsLong();
        if (reportedJson == null || now - reportedNanos > REPORTED_SECONDS * 1_000_000_000L) {
            Snapshot snap = fleet.snapshot();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("time", snap.time().toString());
            doc.put("figures", ReportedMeasured.rows(fleet.scenario().reported(), fleet.members(), store,
                    fleet.since(), snap.time()));
            reportedJson = Snapshot.JSON.writeValueAsBytes(doc);
            reportedNanos = now;
        }
        return reportedJson;
    }

    private void events(Context ctx) {
        String site = ctx.queryParam("site");
        if (site != null && !site.equals(Event.FLEET) && fleet.scenario().site(site).isEmpty()) {
            throw ApiProblem.notFound("no site '" + site + "' (events about every site have site 'fleet')");
        }
        Event.Kind kind = enumParam(ctx.queryParam("kind"), "kind", Event.Kind.class, null);
        Event.Severity atLeast = enumParam(ctx.queryParam("severity"), "severity", Event.Severity.class,
                Event.Severity.INFO);
        int limit = HistoryQuery.intParam(ctx.queryParam("limit"), "limit", 100, 1, 1000);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Event e : events.latest(site, kind, atLeast, limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", e.time().toString());
            m.put("site", e.siteId());
            m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("severity", e.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("detail", e.detail());
            m.put("values", new java.util.TreeMap<>(e.values()));
            control.identify(e, m);
            out.add(m);
        }
        ctx.json(Map.of("total", events.total(), "events", out));
    }

    /** A query parameter naming an enum constant in lower case, or the default when absent. */
    static <E extends Enum<E>> E enumParam(String value, String name, Class<E> type, E dflt) {
        if (value == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name + " = " + value + " is not one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(
                            java.util.Locale.ROOT)).toList()));
        }
    }

    private void validate(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiProblem.badRequest("the request body must be a scenario in YAML; it was empty");
        }
        Scenario sc = ScenarioReader.read(text, "uploaded scenario", null);
        ctx.json(Map.of("valid", true, "name", sc.name(), "sites", sc.sites().stream().map(Site::id).toList()));
    }

    static List<Map<String, Object>> errors(List<Problem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("path", p.path());
            m.put("value", p.value());
            m.put("rule", p.rule());
            m.put("message", p.message());
            out.add(m);
        }
        return out;
    }

    /** Writes an RFC 9457 problem. */
    static void problem(Context ctx, int status, String detail, Map<String, Object> extensions) {
        ObjectNode p = Snapshot.JSON.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", HttpStatus.forStatus(status).getMessage());
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", ctx.path());
        extensions.forEach((k, v) -> p.set(k, Snapshot.JSON.valueToTree(v)));
        ctx.status(status).contentType(PROBLEM_JSON).result(Snapshot.JSON.writeValueAsBytes(p));
    }

    /** Adds a host name clients reach the server by (checked against the Host header of every request). */
    public void answerTo(String name) {
        guard.answerTo(name);
    }

    /** Starts listening; port 0 picks a free one. */
    public ApiServer start(String host, int port) {
        guard.answerTo(host);
        if (!isLoopback(host) && access.open()) {
            LOG.warn("listening on {} beyond this machine with open reads: anyone who can reach it reads the live "
                    + "state and queues runs", host);
        }
        bindHost = host;
        bindPort = port;
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Whether a bind address only this machine reaches. */
    public static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The methods the route table has for a path, for a 405's Allow header (HEAD wherever GET is). */
    List<String> allowedMethods(String path) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String route : routes()) {
            String[] mp = route.split(" ", 2);
            String pattern = java.util.regex.Pattern.quote(mp[1]).replaceAll("\\{[^}/]+\\}", "\\\\E[^/]+\\\\Q");
            if (path.matches(pattern)) {
                out.add(mp[0]);
                if (mp[0].equals("GET")) {
                    out.add("HEAD");
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every HTTP route as {@code "GET /api/sites/{id}"}, for the test that keeps openapi.json complete. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint.method.name() + " " + p.endpoint.path)
                .filter(r -> r.startsWith("GET ") || r.startsWith("POST ") || r.startsWith("DELETE "))
                .distinct().sorted().toList();
    }

    @Override
    public void close() {
        stream.close();
        app.stop();
    }
}
