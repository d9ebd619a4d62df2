package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import org.gridtwin.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server when its store fails: degraded, alarmed, recovering by itself; a damaged store refused at start. */
class StoreFailureTest {
    @TempDir
    Path data;

    @Test
    void aStoreThatRefusesWritesMakesTheServerDegradedUntilItWritesAgain() throws Exception {
        FailingStore store = new FailingStore();
        try (GridTwinServer server = GridTwinServer.create(ApiTest.NINGBO, ApiTest.options(), data, store,
                Clock.fixed(ApiTest.START, ZoneOffset.UTC), System::nanoTime).listen("127.0.0.1", 0)) {
            Http http = new Http(server.port());
            server.fleet().runCycles(60);
            assertThat(http.json("/api/health").get("status").asString()).isEqualTo("ok");
            store.failing = true;
            server.fleet().runCycles(60);
            JsonNode h = http.json("/api/health");
            assertThat(h.get("status").asString()).isEqualTo("degraded");
            assertThat(h.get("problems").get(0).asString()).startsWith("the store refuses writes since ")
                    .contains("No space left on device").contains("samples wait in memory");
            assertThat(h.get("store").get("writing").asBoolean()).isFalse();
            // 60 minutes of three sites wait
            assertThat(h.get("store").get("pending_samples").asInt()).isEqualTo(180);
            JsonNode events = http.json("/api/events?limit=10");
            assertThat(events.get("events").get(0).get("kind").asString()).isEqualTo("store");
            assertThat(events.get("events").get(0).get("severity").asString()).isEqualTo("alarm");
            assertThat(events.at("/events/0/values/state").asString()).isEqualTo("refused");
            assertThat(events.at("/events/0/values/reason").asString()).isEqualTo("No space left on device");
            store.failing = false;
            server.fleet().runCycles(60);
            h = http.json("/api/health");
            assertThat(h.get("status").asString()).isEqualTo("ok");
            assertThat(h.get("store").get("pending_samples").asInt()).isZero();
            // every minute of all three hours is stored, once
            assertThat(store.samples("chuanshan-port", ApiTest.START, ApiTest.START.plusSeconds(3 * 3600)))
                    .hasSize(180);
            assertThat(store.counters("chuanshan-port").get("cycles")).isEqualTo(180);
        }
    }

    @Test
    void aDamagedStoreIsRefusedAtStartWithASentenceNotServed() throws Exception {
        try (GridTwinServer first = ApiTest.start(data)) {
            first.fleet().runCycles(3000);
        }
        Path file = data.resolve(GridTwinServer.STORE_FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(file) / 2);
        }
        assertThatThrownBy(() -> ApiTest.start(data)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + ": (store) is damaged and cannot be served (")
                .hasMessageContaining("move it aside, and serve starts a new, empty store, or restore a backup");
    }
}
