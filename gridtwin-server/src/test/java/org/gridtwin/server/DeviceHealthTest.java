package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.SiteDevices;
import org.gridtwin.ems.device.DeviceException;
import org.gridtwin.ems.device.DeviceLink;
import org.gridtwin.ems.device.DeviceReading;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.DeviceSource;
import org.gridtwin.ems.device.FieldDevice;
import org.gridtwin.ems.device.FieldSite;
import org.gridtwin.model.Site;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A field device that never answers makes the server degraded, naming it, and raises its alarms. */
class DeviceHealthTest {
    @TempDir
    Path data;

    /** A meter whose connection is refused: what a device that is switched off looks like to the link. */
    static final class Dead implements FieldDevice {
        @Override
        public String id() {
            return "pcc-meter";
        }

        @Override
        public DeviceRole role() {
            return DeviceRole.GRID_METER;
        }

        @Override
        public CompletionStage<DeviceReading> read() {
            return CompletableFuture.failedFuture(new DeviceException("10.1.0.40:502 unit 3: connection refused"));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aStaleDeviceIsInTheHealthAndTheAlarms() throws Exception {
        List<FieldSite> built = new ArrayList<>();
        DeviceSource village = new DeviceSource() {
            @Override
            public Optional<SiteDevices> forSite(Site site, Consumer<Event> events) {
                if (!site.id().equals("liao-village")) {
                    return Optional.empty();
                }
                FieldSite f = new FieldSite(site, List.of(new DeviceLink(site.id(), new Dead(), 0,
                        new DeviceLink.Settings(Duration.ofMillis(50), Duration.ofSeconds(120),
                                Duration.ofSeconds(30)), events)), events, 10);
                built.add(f);
                return Optional.of(f);
            }

            @Override
            public List<String> problems() {
                return built.get(0).problems();
            }
        };
        try (GridTwinServer server = GridTwinServer.create(ApiTest.NINGBO, ApiTest.options(), data,
                Clock.fixed(ApiTest.START, ZoneOffset.UTC), System::nanoTime, RunLimits.defaults(), village)
                .listen("127.0.0.1", 0)) {
            server.fleet().runCycles(1);
            Http http = new Http(server.port());
            assertThat(http.json("/api/health").get("status").asString()).isEqualTo("ok");
            // 1-minute cycles: at the third the meter has had no good reading for 120 s
            server.fleet().runCycles(2);
            JsonNode health = http.json("/api/health");
            assertThat(health.get("status").asString()).isEqualTo("degraded");
            assertThat(health.get("problems").get(0).asString()).isEqualTo("device pcc-meter (grid_meter) of "
                    + "liao-village has no good reading since the start: 10.1.0.40:502 unit 3: connection refused");
            JsonNode events = http.json("/api/events?site=liao-village&limit=10").get("events");
            assertThat(events.findValuesAsString("kind")).contains("device", "stale");
            // the other sites run on their twins as before
            assertThat(http.json("/api/sites/chuanshan-port/live").at("/power/load_kw").asDouble()).isPositive();
        }
    }
}
