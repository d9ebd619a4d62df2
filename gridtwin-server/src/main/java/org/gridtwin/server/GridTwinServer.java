package org.gridtwin.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.gridtwin.model.Scenario;
import org.gridtwin.ems.device.DeviceSource;
import org.gridtwin.store.DuckDbStore;
import org.gridtwin.store.TelemetryStore;

/**
 * {@code gridtwin serve} assembled: the store in the data folder, the live fleet, the run service and the HTTP
 * server. {@link #close} stops them in the order that loses nothing: HTTP first, then the loop (its last cycles
 * flushed to the store), then the store.
 */
public final class GridTwinServer implements AutoCloseable {
    /** The file of the embedded store inside the data folder. */
    public static final String STORE_FILE = "telemetry.duckdb";

    private final TelemetryStore store;
    private final LiveFleet fleet;
    private final RunService runs;
    private final ApiServer api;
    /** Events kept in memory for the API; all of them are in the store. */
    static final int EVENTS_KEPT = 2_000;
    private final EventLog events = new EventLog(EVENTS_KEPT);
    private final Metrics metrics = new Metrics();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gridtwin-store-writer");
        t.setDaemon(true);
        return t;
    });

    private GridTwinServer(Scenario scenario, LiveFleet.Options options, Path dataDir, TelemetryStore store,
            Clock clock, LongSupplier nanoTime, RunLimits limits, DeviceSource devices, boolean open, Tls tls) {
        this.store = store;
        try {
            events.restore(store.events(null, null, EVENTS_KEPT), store.eventCount());
            this.fleet = new LiveFleet(scenario, options, store, events, metrics, clock, nanoTime, devices);
            this.runs = new RunService(dataDir.resolve("runs"), clock, limits);
            this.api = new ApiServer(fleet, store, events, runs, metrics, nanoTime, new org.gridtwin.server.auth.Access(
                    open, new org.gridtwin.server.auth.UserStore(dataDir, clock),
                    new org.gridtwin.server.auth.AuditLog(dataDir, clock), clock), tls);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens (or creates) the store in the data folder, reads it through once so that a damaged file is refused
     * before anything serves it, and builds everything but runs nothing yet: tests drive the fleet with
     * {@link LiveFleet#runCycles}.
     */
    public static GridTwinServer create(Scenario scenario, LiveFleet.Options options, Path dataDir, Clock clock,
            LongSupplier nanoTime) throws java.io.IOException {
        return create(scenario, options, dataDir, clock, nanoTime, RunLimits.defaults());
    }

    /** As above, with what one simulation run over the API may cost. */
    public static GridTwinServer create(Scenario scenario, LiveFleet.Options options, Path dataDir, Clock clock,
            LongSupplier nanoTime, RunLimits limits) throws java.io.IOException {
        return create(scenario, options, dataDir, clock, nanoTime, limits, DeviceSource.twins());
    }

    /** As above, with the sites a devices file binds run on field devices (the others on twins). */
    public static GridTwinServer create(Scenario scenario, LiveFleet.Options options, Path dataDir, Clock clock,
            LongSupplier nanoTime, RunLimits limits, DeviceSource devices) throws java.io.IOException {
        return create(scenario, options, dataDir, clock, nanoTime, limits, devices, true);
    }

    /**
     * As above; {@code open} lets callers without a session read and run simulations (a server on loopback);
     * closed, every route but sign-in needs a session (docs/security.md).
     */
    public static GridTwinServer create(Scenario scenario, LiveFleet.Options options, Path dataDir, Clock clock,
            LongSupplier nanoTime, RunLimits limits, DeviceSource devices, boolean open) throws java.io.IOException {
        return create(scenario, options, dataDir, clock, nanoTime, limits, devices, open, null);
    }

    /** As above, serving HTTPS with {@code tls} (null for plain HTTP). */
    public static GridTwinServer create(Scenario scenario, LiveFleet.Options options, Path dataDir, Clock clock,
            LongSupplier nanoTime, RunLimits limits, DeviceSource devices, boolean open, Tls tls)
            throws java.io.IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(STORE_FILE);
        DuckDbStore store = DuckDbStore.open(file);
        try {
            // a damaged file opens, and every query touching the damage fails later: read it all now
            store.verify();
        } catch (org.gridtwin.store.StoreException e) {
            store.close();
            throw org.gridtwin.model.InvalidInputException.of(file.toString(), "(store)", null, "is damaged and "
                    + "cannot be served (" + e.getMessage().replace("cannot read the store " + file.toAbsolutePath()
                    + ": ", "") + "); move it aside, and serve starts a new, empty store, or restore a backup");
        }
        return new GridTwinServer(scenario, options, dataDir, store, clock, nanoTime, limits, devices, open, tls);
    }

    /** On a given store (closed with the server), for stores that are not the embedded file. */
    static GridTwinServer create(Scenario scenario, LiveFleet.Options options, Path dataDir, TelemetryStore store,
            Clock clock, LongSupplier nanoTime) {
        return new GridTwinServer(scenario, options, dataDir, store, clock, nanoTime, RunLimits.defaults(),
                DeviceSource.twins(), true, null);
    }

    /** Starts listening on {@code host:port} (0 = any free port). */
    public GridTwinServer listen(String host, int port) {
        api.start(host, port);
        return this;
    }

    /** Starts the control loop, the store writer (one write a second) and the raw-sample retention (every minute). */
    public GridTwinServer run() {
        fleet.start();
        writer.scheduleWithFixedDelay(fleet.recorder()::flush, 1, 1, TimeUnit.SECONDS);
        writer.scheduleWithFixedDelay(this::dropOldSamples, 1, 60, TimeUnit.SECONDS);
        return this;
    }

    /**
     * Deletes raw samples older than the retention, measured in site time (a fast demo clock ages them as fast);
     * rollups, counters and events stay.
     *
     * @return how many samples went
     */
    public long dropOldSamples() {
        try {
            long n = store.deleteSamplesBefore(fleet.snapshot().time().minus(fleet.options().keepRaw()));
            metrics.samplesDeleted.inc(n);
            return n;
        } catch (org.gridtwin.store.StoreException e) {
            metrics.storeErrors.inc();
            return 0;
        }
    }

    public LiveFleet fleet() {
        return fleet;
    }

    public TelemetryStore store() {
        return store;
    }

    public EventLog events() {
        return events;
    }

    public int port() {
        return api.port();
    }

    public ApiServer api() {
        return api;
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            writer.shutdown();
            try {
                writer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                fleet.close();
                runs.close();
            } finally {
                store.close();
            }
        }
    }
}
