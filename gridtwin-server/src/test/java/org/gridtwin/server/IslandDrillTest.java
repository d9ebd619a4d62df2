package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An islanding drill through the API on the port's twins: an administrator takes the grid away, the live loop
 * islands (or goes dark), the alarm and the stored history show it, and the grid's return resynchronises the site
 * after the 300 s delay. Operators may not drill.
 */
class IslandDrillTest {
    @TempDir
    static Path data;
    static GridTwinServer server;

    @BeforeAll
    static void start() throws Exception {
        server = AccessMatrixTest.closedServer(data);
        server.fleet().runCycles(3);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String path, AccessMatrixTest.Caller c) {
        HttpResponse<String> r = AccessMatrixTest.send(server.port(), "GET", path, c, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.JSON.readTree(r.body());
    }

    @Test
    void anAdministratorDrillsAnOutageAndTheHistoryShowsIt() {
        AccessMatrixTest.Caller op = AccessMatrixTest.login(server.port(), "otto", "operator password 1");
        AccessMatrixTest.Caller admin = AccessMatrixTest.login(server.port(), "ada", "admin password 123");
        String path = "/api/sites/chuanshan-port/commands";
        HttpResponse<String> refused = AccessMatrixTest.send(server.port(), "POST", path, op, "{\"type\":\"grid_outage\",\"state\":"
                + "\"down\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("administrators only");
        HttpResponse<String> down = AccessMatrixTest.send(server.port(), "POST", path, admin, "{\"type\":\"grid_outage\",\"state\":"
                + "\"down\"}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        assertThat(down.body()).contains("drill: the grid of chuanshan-port is gone from the next cycle");
        // cycles 3..12 (site minutes 00:03..00:12 local) without the grid
        server.fleet().runCycles(10);
        JsonNode live = get("/api/sites/chuanshan-port/live", admin);
        assertThat(live.at("/island/state").asString()).isIn("islanded", "blackout");
        assertThat(live.at("/power/grid_kw").asDouble()).isZero();
        JsonNode events = get("/api/events?site=chuanshan-port&severity=warning&limit=50", admin);
        assertThat(events.get("events").findValuesAsString("kind")).contains("island");
        assertThat(live.at("/counters/islandings").asDouble() + live.at("/counters/dark_hours").asDouble())
                .isPositive();
        HttpResponse<String> up = AccessMatrixTest.send(server.port(), "POST", path, admin, "{\"type\":\"grid_outage\",\"state\":"
                + "\"up\"}");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        // five 1-minute cycles with the grid back, then the sixth resynchronises
        server.fleet().runCycles(5);
        assertThat(get("/api/sites/chuanshan-port/live", admin).at("/island/state").asString())
                .isNotEqualTo("connected");
        server.fleet().runCycles(1);
        assertThat(get("/api/sites/chuanshan-port/live", admin).at("/island/state").asString()).isEqualTo("connected");
        assertThat(get("/api/events?site=chuanshan-port&severity=warning&limit=50", admin).get("events")
                .findValuesAsString("detail")).anySatisfy(d -> assertThat(d).startsWith("grid back: resynchronised"));
        // the stored minutes: nothing exchanged with the grid from 16:03Z to 16:17Z, imports again at 16:18Z
        JsonNode raw = get("/api/sites/chuanshan-port/history?resolution=raw&from=2024-05-31T16:03:00Z"
                + "&to=2024-05-31T16:20:00Z", admin);
        JsonNode points = raw.get("points");
        assertThat(points).hasSize(16);
        for (int k = 0; k < 15; k++) {
            assertThat(points.get(k).get("grid_kw").asDouble()).as("minute %d", 3 + k).isZero();
        }
        assertThat(points.get(15).get("grid_kw").asDouble()).isNotZero();
        // both the refusal and the drill are in the audit trail
        JsonNode audit = get("/api/audit?last=20", admin);
        assertThat(audit.toString()).contains("a grid outage drill needs an administrator")
                .contains("drill over: the grid of chuanshan-port is back");
    }
}
