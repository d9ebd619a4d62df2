package org.gridtwin.adapters.sunspec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gridtwin.ems.RollingTwin;
import org.gridtwin.ems.TwinSite;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;
import org.gridtwin.ems.device.DeviceRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site's twin devices on the network ({@code gridtwin devices}): week-long twin windows of the site's weather,
 * loads and tariff (as {@code serve} builds them), a {@link SunSpecTwin} over them and a Modbus TCP server, ticked
 * once a cycle on the wall clock at whole cycles, so a controller whose cycles run between two ticks (serve's run
 * half a cycle after theirs fall due) reads a cycle's values after its tick and writes before the next.
 */
public final class TwinDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TwinDevices.class);
    private final Site site;
    private final SunSpecTwin twin;
    private final SunSpecServer server;
    private final Clock clock;
    private final Duration cycle;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gridtwin-twin-devices");
        t.setDaemon(true);
        return t;
    });
    private Instant next;
    private volatile long ticks;

    public TwinDevices(Site site, long seed, String host, int port, Duration cycle, Clock clock) {
        this.site = site;
        this.clock = clock;
        this.cycle = cycle;
        LocalDate first = clock.instant().atZone(site.timeZone()).toLocalDate();
        RollingTwin rolling = new RollingTwin(t -> window(site, first, t, seed), Executors.newSingleThreadExecutor(
                r -> {
                    Thread th = new Thread(r, "gridtwin-twin-builder");
                    th.setDaemon(true);
                    return th;
                }));
        this.next = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        rolling.prepare(next);
        this.twin = new SunSpecTwin(site, rolling);
        this.server = new SunSpecServer(host, port, twin.units(), twin::written);
    }

    /** A week of twin devices counted from {@code first}, the week containing {@code t}, at 1-minute steps. */
    static TwinSite window(Site site, LocalDate first, Instant t, long seed) {
        long k = Math.floorDiv(ChronoUnit.DAYS.between(first, t.atZone(site.timeZone()).toLocalDate()), 7);
        LocalDate day = first.plusDays(7 * k);
        SiteInputs in = SiteInputsBuilder.build(site, TimeGrid.ofDates(day, day.plusDays(7), Duration.ofMinutes(1),
                site.timeZone()), seed + day.toEpochDay());
        return new TwinSite(site, in.grid(), in.windKw(), in.pvKw(), in.loadKw(), in.criticalKw(),
                in.priorityKw(), in.faults(), in.tariff(), in.emissionTPerMwh());
    }

    private org.gridtwin.adapters.iec104.Iec104Station station;

    /** Also serves the twins as an IEC 104 controlled station on {@code port} ({@link TwinStationPoints}). */
    public TwinDevices withIec104(String host, int port) throws InterruptedException {
        station = new org.gridtwin.adapters.iec104.Iec104Station(java.util.List.of(new TwinStationPoints(twin)),
                org.gridtwin.adapters.iec104.Iec104Station.Options.defaults(), clock).start(host, port);
        return this;
    }

    private volatile TwinMqttGateway gateway;

    /**
     * Also publishes every device's reading after each tick on {@code PREFIX/SITE/ROLE}, as a gateway would
     * ({@link TwinMqttGateway}).
     */
    public TwinDevices withMqtt(java.net.URI broker, String prefix) {
        gateway = new TwinMqttGateway(twin, broker, prefix);
        return this;
    }

    /** The IEC 104 station's port, or -1 without one. */
    public int iec104Port() {
        return station == null ? -1 : station.port();
    }

    /** Binds the port and starts ticking at the next whole cycle. */
    public TwinDevices start() throws Exception {
        server.start();
        twin.tick(next, cycle.toNanos() / 1e9);
        next = next.plus(cycle);
        long delay = Math.max(0, Duration.between(clock.instant(), next).toNanos());
        ticker.scheduleAtFixedRate(this::catchUp, delay, cycle.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    private void catchUp() {
        try {
            Instant now = clock.instant();
            for (int n = 0; !next.isAfter(now) && n < 3600; n++) {
                twin.tick(next, cycle.toNanos() / 1e9);
                next = next.plus(cycle);
                ticks++;
            }
            TwinMqttGateway g = gateway;
            if (g != null) {
                g.publish();
            }
        } catch (RuntimeException e) {
            LOG.error("twin devices of {} stopped: {}", site.id(), e.toString());
            throw e;
        }
    }

    public SunSpecTwin twin() {
        return twin;
    }

    public long ticks() {
        return ticks;
    }

    /** The unit ids and what each is, for the operator and for a devices file. */
    public java.util.Map<Integer, DeviceRole> units() {
        return twin.roles();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.close();
        if (gateway != null) {
            gateway.close();
        }
        if (station != null) {
            station.close();
        }
    }
}
