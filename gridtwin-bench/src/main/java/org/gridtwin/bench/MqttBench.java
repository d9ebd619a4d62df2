package org.gridtwin.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridtwin.adapters.mqtt.MqttTelemetry;

/**
 * The MQTT publisher's throughput: SITES sites whose state changes at every tick of INTERVAL_MS, published for
 * SECONDS to a broker already running (Debian mosquitto), each state a 1.2 KB document like a site's live JSON.
 * Prints the messages the broker accepted per second and the ticks skipped.
 *
 * <pre>mosquitto -p 1883 &amp;
 * java -cp gridtwin-bench/target/benchmarks.jar org.gridtwin.bench.MqttBench tcp://127.0.0.1:1883 1000 100 30</pre>
 */
public final class MqttBench {
    private MqttBench() {
    }

    public static void main(String[] args) throws Exception {
        URI broker = URI.create(args.length > 0 ? args[0] : "tcp://127.0.0.1:1883");
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int intervalMs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        List<MqttTelemetry.SiteInfo> info = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            info.add(new MqttTelemetry.SiteInfo("site-" + i, "Site " + i, true, true, true));
        }
        String pad = "x".repeat(1100);
        long[] version = {0};
        MqttTelemetry mqtt = new MqttTelemetry(broker, "bench", Duration.ofMillis(intervalMs),
                new MqttTelemetry.Source(info, () -> {
                    long v = version[0]++;
                    Map<String, byte[]> m = new LinkedHashMap<>();
                    for (int i = 0; i < sites; i++) {
                        m.put("site-" + i, ("{\"v\":" + v + ",\"pad\":\"" + pad + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    return m;
                }, () -> 0, n -> List.of())).start();
        Thread.sleep(3000); // connection and discovery
        long p0 = mqtt.published();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long p1 = mqtt.published();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d sites every %d ms for %.0f s: %.0f messages/s accepted (offered %.0f/s), "
                + "%d ticks skipped%n", sites, intervalMs, s, (p1 - p0) / s, sites * 1000.0 / intervalMs,
                mqtt.skipped());
        mqtt.close();
        System.exit(0);
    }
}
