package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a web page in the operator's browser could try, sent as raw HTTP (the JDK's client will not forge a Host):
 * DNS rebinding, a cross-site form post, a foreign origin; and Jetty's own errors, which must look like ours.
 */
class RequestGuardTest {
    @TempDir
    static Path data;
    static GridTwinServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ApiTest.start(data);
        server.fleet().runCycles(10);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String headers, String body) {
        JsonNode json() {
            return Http.JSON.readTree(body);
        }
    }

    static Reply raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            return new Reply(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
        }
    }

    static String request(String method, String path, String host, String... headersThenBody) {
        StringBuilder sb = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (host != null) {
            sb.append("Host: ").append(host).append("\r\n");
        }
        String body = headersThenBody.length % 2 == 1 ? headersThenBody[headersThenBody.length - 1] : null;
        for (int i = 0; i + 1 < headersThenBody.length; i += 2) {
            sb.append(headersThenBody[i]).append(": ").append(headersThenBody[i + 1]).append("\r\n");
        }
        if (body != null) {
            sb.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        if (body != null) {
            sb.append(body);
        }
        return sb.toString();
    }

    static void assertOurs(Reply r, int status) {
        assertThat(r.status()).as(r.headers() + "\n" + r.body()).isEqualTo(status);
        assertThat(r.headers()).contains("Content-Type: application/problem+json")
                .contains("X-Content-Type-Options: nosniff").contains("Content-Security-Policy: default-src 'self'");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("<html");
    }

    @Test
    void aRebindingHostIsRefusedAndTheServersOwnNamesAreServed() throws Exception {
        Reply rebound = raw(request("GET", "/api/live", "attacker.example:" + server.port()));
        assertOurs(rebound, 421);
        assertThat(rebound.json().get("detail").asString()).startsWith("Host attacker.example:" + server.port()
                + " is not a name this server answers to");
        for (String host : new String[] {"127.0.0.1:" + server.port(), "localhost:" + server.port(),
            "[::1]:" + server.port()}) {
            assertThat(raw(request("GET", "/api/live", host)).status()).as(host).isEqualTo(200);
        }
        server.api().answerTo("ems.port.example");
        assertThat(raw(request("GET", "/api/live", "ems.port.example")).status()).isEqualTo(200);
    }

    @Test
    void aCrossSiteWriteIsRefusedWhateverItsBody() throws Exception {
        String host = "127.0.0.1:" + server.port();
        String run = "{\"scenario\":\"ningbo\",\"start\":\"2024-06-01\",\"end\":\"2024-06-02\"}";
        // a form-like post needs no CORS preflight: refused for its content type
        Reply plain = raw(request("POST", "/api/runs", host, "Content-Type", "text/plain", run));
        assertOurs(plain, 415);
        assertThat(plain.json().get("detail").asString()).isEqualTo("the body must be sent as JSON (Content-Type: "
                + "application/json), not text/plain");
        // from another site's page: refused for its origin
        Reply foreign = raw(request("POST", "/api/runs", host, "Content-Type", "application/json", "Origin",
                "http://evil.example", run));
        assertOurs(foreign, 403);
        assertOurs(raw(request("DELETE", "/api/runs/run-1", host, "Origin", "null")), 403);
        // the server's own page may write
        Reply own = raw(request("POST", "/api/scenarios/validate", host, "Content-Type", "application/yaml",
                "Origin", "http://" + host, "name: x\n"));
        assertThat(own.status()).isEqualTo(422);
        assertOurs(raw(request("POST", "/api/scenarios/validate", host, "Content-Type", "text/plain", "name: x\n")),
                415);
    }

    @Test
    void jettysOwnErrorsAreProblemsWithOurHeaders() throws Exception {
        assertOurs(raw(request("GET", "/api/%zz", "127.0.0.1")), 400);
        assertOurs(raw("GARBAGE\r\n\r\n"), 400);
        assertOurs(raw(request("GET", "/api/live", "127.0.0.1", "X-Big", "a".repeat(20_000))), 431);
    }

    @Test
    void aWrongMethodIs405WithTheMethodsThatWork() throws Exception {
        Reply r = raw(request("PUT", "/api/runs/run-1", "127.0.0.1", "Content-Type", "application/json", "{}"));
        assertOurs(r, 405);
        assertThat(r.headers()).contains("Allow: DELETE, GET, HEAD");
        Reply live = raw(request("DELETE", "/api/live", "127.0.0.1"));
        assertOurs(live, 405);
        assertThat(live.headers()).contains("Allow: GET, HEAD");
        assertThat(live.json().get("detail").asString()).isEqualTo("DELETE is not a method of /api/live (allowed: "
                + "GET, HEAD)");
    }
}
