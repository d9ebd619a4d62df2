package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridtwin.server.auth.Access;
import org.gridtwin.server.auth.Role;
import org.gridtwin.server.auth.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, on a server closed to callers without a session (as beyond loopback): every route of the
 * server's own access table × nobody, a viewer, an operator, an admin and an ended session. A route added without
 * a rule is not in the table and fails {@link #everyRouteHasARule}.
 */
class AccessMatrixTest {
    @TempDir
    static Path data;
    static GridTwinServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final Map<String, Caller> CALLERS = new LinkedHashMap<>();

    /** A caller: its cookie and CSRF token, or its bearer token (null for nobody), its role (null for none). */
    record Caller(String cookie, String csrf, Role role, String bearer) {
        Caller(String cookie, String csrf, Role role) {
            this(cookie, csrf, role, null);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = closedServer(data);
        server.fleet().runCycles(3);
        CALLERS.put("nobody", new Caller(null, null, null));
        CALLERS.put("viewer", login("vera", "viewer password 1"));
        CALLERS.put("operator", login("otto", "operator password 1"));
        CALLERS.put("admin", login("ada", "admin password 123"));
        Caller ended = login("otto", "operator password 1");
        assertThat(send("POST", "/api/logout", ended, "").statusCode()).isEqualTo(204);
        CALLERS.put("ended session", new Caller(ended.cookie(), ended.csrf(), null));
        org.gridtwin.server.auth.TokenStore tokens = new org.gridtwin.server.auth.TokenStore(data, Clock.systemUTC());
        CALLERS.put("operator token", new Caller(null, null, Role.OPERATOR, tokens.create("scada", Role.OPERATOR)));
        String revoked = tokens.create("old-script", Role.ADMIN);
        tokens.revoke("old-script");
        CALLERS.put("revoked token", new Caller(null, null, null, revoked));
    }

    /**
     * The ningbo twins on a loopback port, closed to callers without a session, with a viewer (vera), an operator
     * (otto) and an admin (ada) whose passwords are "viewer password 1", "operator password 1", "admin password 123".
     */
    static GridTwinServer closedServer(Path data) throws Exception {
        UserStore users = new UserStore(data, Clock.systemUTC());
        users.add("vera", Role.VIEWER, "viewer password 1".toCharArray());
        users.add("otto", Role.OPERATOR, "operator password 1".toCharArray());
        users.add("ada", Role.ADMIN, "admin password 123".toCharArray());
        return GridTwinServer.create(ApiTest.NINGBO, ApiTest.options(), data, Clock.fixed(ApiTest.START,
                ZoneOffset.UTC), System::nanoTime, RunLimits.defaults(),
                org.gridtwin.ems.device.DeviceSource.twins(), false).listen("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Caller login(String user, String password) {
        return login(server.port(), user, password);
    }

    /** Signs in at the server on {@code port}. */
    static Caller login(int port, String user, String password) {
        HttpResponse<String> r = send(port, "POST", "/api/login", null, "{\"user\":\"" + user
                + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        JsonNode b = Http.JSON.readTree(r.body());
        return new Caller(cookie.split(";", 2)[0], b.get("csrf").asString(), Role.of(b.get("role").asString()));
    }

    static HttpResponse<String> send(String method, String path, Caller c, String body) {
        return send(server.port(), method, path, c, body);
    }

    /** A call as {@code c} to the server on {@code port}. */
    static HttpResponse<String> send(int port, String method, String path, Caller c, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (c != null && c.cookie() != null) {
            b.header("Cookie", c.cookie());
            b.header(Access.CSRF_HEADER, c.csrf());
        }
        if (c != null && c.bearer() != null) {
            b.header("Authorization", "Bearer " + c.bearer());
        }
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    static String concrete(String template) {
        return template.replace("/api/sites/{id}", "/api/sites/chuanshan-port").replace("{id}", "run-404");
    }

    @Test
    void everyRouteAnswersEachCallerAsItsRuleSays() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Access.Rule rule : server.api().accessRules()) {
            if (rule.path().equals("/api/logout") || rule.path().equals("/api/login")) {
                continue; // their own test below: they change who is signed in
            }
            for (Map.Entry<String, Caller> e : CALLERS.entrySet()) {
                Caller c = e.getValue();
                int status = send(rule.method(), concrete(rule.path()), c, "{}").statusCode();
                calls++;
                int expected;
                if (rule.need() == Access.Need.PUBLIC || c.role() != null && c.role().includes(rule.need().role())) {
                    expected = status == 401 || status == 403 ? -1 : status; // anything but a refusal
                } else {
                    expected = c.role() == null ? 401 : 403;
                }
                if (status != expected) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + e.getKey() + ": " + status + " (rule "
                            + rule.need() + ")");
                }
            }
        }
        assertThat(wrong).as("calls that did not answer as their rule says").isEmpty();
        assertThat(calls).isGreaterThanOrEqualTo(7 * 22);
    }

    @Test
    void everyRouteHasARule() {
        List<String> ruled = server.api().accessRules().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(ruled).containsAll(server.api().routes());
        assertThat(ruled).contains("GET /api/stream");
    }

    @Test
    void aCommandNeedsAnOperatorAndItsCsrfTokenAndIsAudited() {
        Caller op = CALLERS.get("operator");
        String body = "{\"type\":\"battery_setpoint\",\"kw\":-300,\"minutes\":5}";
        Caller noCsrf = new Caller(op.cookie(), "wrong", op.role());
        HttpResponse<String> forged = send("POST", "/api/sites/chuanshan-port/commands", noCsrf, body);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF token");
        HttpResponse<String> r = send("POST", "/api/sites/chuanshan-port/commands", op, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(r.body()).get("detail").asString()).startsWith("battery held at -300.0 kW");
        HttpResponse<String> refused = send("POST", "/api/sites/chuanshan-port/commands", op,
                "{\"type\":\"explode\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode audit = Http.JSON.readTree(send("GET", "/api/audit", CALLERS.get("admin"), "").body());
        assertThat(audit.get("chain_holds").asBoolean()).isTrue();
        List<String> lines = new ArrayList<>();
        audit.get("last").forEach(n -> lines.add(n.get("actor").asString() + " " + n.get("action").asString() + " "
                + n.get("outcome").asString()));
        assertThat(lines).contains("otto POST /api/sites/chuanshan-port/commands accepted: battery held at -300.0 kW "
                + "until " + ApiTest.START.plusSeconds(3 * 60 + 5 * 60) + ", and within the SoC window each cycle");
        assertThat(lines).anyMatch(l -> l.startsWith("otto POST /api/sites/chuanshan-port/commands refused: type "
                + "must be"));
        assertThat(lines).anyMatch(l -> l.equals("ada POST /api/login signed in as admin"));
    }

    @Test
    void aTokenActsWithoutCsrfAndItsUseIsListed() {
        Caller t = CALLERS.get("operator token");
        HttpResponse<String> r = send("POST", "/api/sites/chuanshan-port/commands", t, "{\"type\":\"release\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new org.gridtwin.server.auth.TokenStore(data, Clock.systemUTC()).list())
                .filteredOn(k -> k.name().equals("scada")).singleElement()
                .satisfies(k -> assertThat(k.lastUsed()).isNotNull());
        HttpResponse<String> revoked = send("GET", "/api/live", CALLERS.get("revoked token"), "");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("the bearer token is unknown or revoked");
    }

    @Test
    void anAlarmIsAcknowledgedOnceAndTheTrailRemembersIt() {
        java.time.Instant t = ApiTest.START.plusSeconds(90);
        server.events().accept(new org.gridtwin.ems.Event(t, "chuanshan-port", org.gridtwin.ems.Event.Kind.STALE,
                "measurements are 11 s old (limit 10 s): battery held at 0 kW", Map.of()));
        String id = t + "/chuanshan-port/stale";
        Caller op = CALLERS.get("operator");
        String body = "{\"type\":\"acknowledge\",\"event\":\"" + id + "\"}";
        HttpResponse<String> r = send("POST", "/api/sites/chuanshan-port/commands", op, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Http.JSON.readTree(r.body()).get("detail").asString()).isEqualTo("acknowledged " + id);
        HttpResponse<String> again = send("POST", "/api/sites/chuanshan-port/commands", op, body);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains(id + " was acknowledged by otto at ");
        assertThat(send("POST", "/api/sites/chuanshan-port/commands", op, "{\"type\":\"acknowledge\",\"event\":"
                + "\"nothing\"}").body()).contains("no alarm or warning 'nothing' of chuanshan-port");
        JsonNode events = Http.JSON.readTree(send("GET", "/api/events?site=chuanshan-port&severity=warning",
                CALLERS.get("viewer"), "").body());
        JsonNode e = null;
        for (JsonNode x : events.get("events")) {
            if (x.get("id").asString().equals(id)) {
                e = x;
            }
        }
        assertThat(e).isNotNull();
        assertThat(e.get("acknowledged_by").asString()).isEqualTo("otto");
        // a restarted server reads the acknowledgements back from the audit trail
        assertThat(org.gridtwin.server.auth.Acknowledgements.fromTrail(new org.gridtwin.server.auth.AuditLog(data,
                Clock.systemUTC())).of(id)).map(org.gridtwin.server.auth.Acknowledgements.Ack::user).contains("otto");
    }

    @Test
    void wrongPasswordsAreThrottledPerAccount() {
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = send("POST", "/api/login", null, "{\"user\":\"vera\",\"password\":\"guess " + i
                    + "\"}");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("wrong user name or password");
        }
        // the server's clock stands still in this test: the 1-s wait after the sixth failure never passes
        HttpResponse<String> r = send("POST", "/api/login", null, "{\"user\":\"vera\",\"password\":\"viewer "
                + "password 1\"}");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("1");
        assertThat(r.body()).contains("too many failed sign-ins for vera");
    }
}
