package org.gridtwin.adapters.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --iec104-port}: two sites' live documents served as common addresses 1 and 2, read by the
 * controlling station (itself checked against NeoSCADA's server). The values are the documents', as floats.
 */
class LiveStationTest {
    static byte[] doc(String time, double wind, double pv, double load, double battery, double grid, String soc) {
        return String.format(java.util.Locale.ROOT, "{\"id\":\"s\",\"time\":\"%s\",\"power\":{\"wind_kw\":%s,"
                + "\"pv_kw\":%s,\"load_kw\":%s,\"battery_kw\":%s,\"grid_kw\":%s},\"soc_fraction\":%s}", time, wind,
                pv, load, battery, grid, soc).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachSiteIsACommonAddressAndChangesAreSentSpontaneously() throws Exception {
        AtomicReference<byte[]> port = new AtomicReference<>(doc("2024-06-01T04:00:00Z", 6250, 812.5, 4993.25,
                -400, -2669.75, "0.55"));
        AtomicReference<byte[]> village = new AtomicReference<>(null); // no cycle yet
        List<StationPoints> sites = List.of(new LiveStationPoints(1, true, port::get),
                new LiveStationPoints(2, false, village::get));
        try (Iec104Station station = new Iec104Station(sites, Iec104Station.Options.defaults()
                .withScan(Duration.ofMillis(100)), Clock.systemUTC()).start("127.0.0.1", 0);
                Iec104Client client = new Iec104Client("127.0.0.1", station.port(), List.of(1, 2),
                        Iec104Client.Options.defaults(), Clock.systemUTC())) {
            client.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(client.point(1, SitePointMap.WIND_KW).value()).isEqualTo(6250);
            assertThat(client.point(1, SitePointMap.GRID_KW).value()).isEqualTo(-2669.75);
            assertThat(client.point(1, SitePointMap.SOC_PERCENT).value()).isCloseTo(55, org.assertj.core.api
                    .Assertions.within(1e-5)); // 0.55 x 100 as a float
            assertThat(client.point(1, SitePointMap.CHARGING).value()).isEqualTo(1);
            assertThat(client.point(1, SitePointMap.WIND_KW).time()).isEqualTo(Instant.parse("2024-06-01T04:00:00Z"));
            // a site before its first cycle answers the interrogation with no objects
            assertThat(client.point(2, SitePointMap.PV_KW)).isNull();
            // the next cycle: sent spontaneously within the 100-ms scan; a site without a battery has no SoC
            village.set(doc("2024-06-01T04:00:01Z", 0, 431.5, 120.25, 0, -311.25, "null"));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (client.point(2, SitePointMap.PV_KW) == null && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(client.point(2, SitePointMap.PV_KW).value()).isEqualTo(431.5);
            assertThat(client.point(2, SitePointMap.SOC_PERCENT)).isNull();
            // monitoring only: a set-point is refused
            Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> client.setpoint(1, SitePointMap.BATTERY_SETPOINT, 100).toCompletableFuture()
                            .get(10, TimeUnit.SECONDS));
            assertThat(refused.getCause().getMessage()).contains("refused the select of set-point 3001");
        }
    }
}
