package org.gridtwin.server;

import java.io.IOException;
import java.io.OutputStream;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The process's Prometheus metrics, in a registry of its own (tests can start several servers in one JVM). */
public final class Metrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /** Wall time of one control cycle of every site. */
    final Histogram cycleSeconds = Histogram.builder().name("gridtwin_cycle_seconds")
            .help("Wall time of one control cycle over every live site").classicOnly()
            .classicExponentialUpperBounds(1e-5, 2, 16).withoutExemplars().register(registry);
    final Counter cycles = Counter.builder().name("gridtwin_cycles_total").help("Control cycles run")
            .withoutExemplars().register(registry);
    final Counter samplesWritten = Counter.builder().name("gridtwin_store_samples_written_total")
            .help("Telemetry samples written to the store").withoutExemplars().register(registry);
    final Histogram storeWriteSeconds = Histogram.builder().name("gridtwin_store_write_seconds")
            .help("Wall time of one store write (samples, rollups and counters)").classicOnly()
            .classicExponentialUpperBounds(1e-4, 2, 16).withoutExemplars().register(registry);
    final Counter samplesDeleted = Counter.builder().name("gridtwin_store_samples_deleted_total")
            .help("Raw samples deleted after the retention period (rollups stay)").withoutExemplars()
            .register(registry);
    final Counter storeErrors = Counter.builder().name("gridtwin_store_errors_total")
            .help("Store writes that failed and were kept for the next attempt").withoutExemplars()
            .register(registry);
    final Gauge storePending = Gauge.builder().name("gridtwin_store_pending_samples")
            .help("Samples waiting to be written").register(registry);
    final Counter samplesMerged = Counter.builder().name("gridtwin_store_samples_merged_total")
            .help("Waiting samples merged pairwise to keep the backlog bounded while the store refuses writes "
                    + "(energy kept, resolution halved)").withoutExemplars().register(registry);
    final Histogram apiSeconds = Histogram.builder().name("gridtwin_api_request_seconds")
            .help("Wall time of API requests").labelNames("method", "route", "status").classicOnly()
            .classicExponentialUpperBounds(1e-5, 2, 18).withoutExemplars().register(registry);
    final Gauge streamClients = Gauge.builder().name("gridtwin_stream_clients")
            .help("Open live-stream (SSE) connections").register(registry);
    final Counter events = Counter.builder().name("gridtwin_events_total").help("Live events by kind")
            .labelNames("kind").withoutExemplars().register(registry);

    public void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
    }

    public String contentType() {
        return writer.getContentType();
    }
}
