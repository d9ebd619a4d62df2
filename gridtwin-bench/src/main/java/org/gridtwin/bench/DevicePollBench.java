package org.gridtwin.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gridtwin.adapters.modbus.ModbusConnection;
import org.gridtwin.adapters.sunspec.SunSpecFieldDevice;
import org.gridtwin.adapters.sunspec.SunSpecServer;
import org.gridtwin.adapters.sunspec.SunSpecTwin;
import org.gridtwin.dispatch.Strategies;
import org.gridtwin.ems.ControlLoop;
import org.gridtwin.ems.LiveSite;
import org.gridtwin.ems.SafetyLayer;
import org.gridtwin.ems.TwinSite;
import org.gridtwin.ems.device.DeviceLink;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.ems.device.FieldSite;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.Site;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteInputsBuilder;

/**
 * Field devices polled at 1-s cycles on loopback: SITES copies of the port, each with its five SunSpec twin
 * devices behind a Modbus TCP server of its own (SITES x 5 devices) in a child JVM, controlled by the live loop
 * ({@link ControlLoop}) through the field adapters in this one. Prints the poll latency (request to answer, every device every cycle) and the control cycle (every
 * site's read, decision and write) as medians and p99.
 *
 * <pre>java -cp gridtwin-bench/target/benchmarks.jar org.gridtwin.bench.DevicePollBench [SITES] [CYCLES] [PORT]</pre>
 */
public final class DevicePollBench {
    private DevicePollBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("devices")) {
            devices(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int base = args.length > 2 ? Integer.parseInt(args[2]) : 15020;
        // the first SILENT sites' devices accept connections and never answer: every poll costs its timeout
        int silent = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        // the devices answer from a process of their own, as field equipment does
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DevicePollBench.class.getName(), "devices",
                Integer.toString(sites), Integer.toString(base)).inheritIO().start();
        try {
            run(sites, cycles, base, silent);
        } finally {
            child.destroy();
        }
        System.exit(0);
    }

    static SiteInputs portDay(Site port) {
        LocalDate day = LocalDate.of(2024, 6, 1);
        return SiteInputsBuilder.build(port, TimeGrid.ofDates(day, day.plusDays(1), Duration.ofMinutes(1),
                port.timeZone()), 7);
    }

    /** The device side: SITES port twins on ports base.., ticked every second of the wall clock. */
    static void devices(int sites, int base) throws Exception {
        SiteInputs in = portDay(PORT);
        List<SunSpecTwin> twins = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            SunSpecTwin twin = new SunSpecTwin(PORT, new TwinSite(PORT, in.grid(), in.windKw(), in.pvKw(),
                    in.loadKw(), in.tariff(), in.emissionTPerMwh()));
            new SunSpecServer("127.0.0.1", base + i, twin.units(), twin::written).start();
            twins.add(twin);
        }
        Instant t = in.grid().start().plusSeconds(12 * 3600);
        for (int k = 0; ; k++) {
            for (SunSpecTwin twin : twins) {
                twin.tick(t.plusSeconds(k % 40_000), 1);
            }
            Thread.sleep(1000 - System.currentTimeMillis() % 1000);
        }
    }

    static final Site PORT = BuiltinScenarios.load("ningbo").orElseThrow().site("chuanshan-port").orElseThrow();

    /** A peer that accepts connections and reads nothing: a device hung mid-cycle. */
    static int silentPeer() throws java.io.IOException {
        java.net.ServerSocket server = new java.net.ServerSocket(0);
        Thread t = new Thread(() -> {
            List<java.net.Socket> held = new ArrayList<>();
            while (true) {
                try {
                    held.add(server.accept());
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }, "silent-peer");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    static void run(int sites, int cycles, int base, int silent) throws Exception {
        int silentPort = silent > 0 ? silentPeer() : -1;
        SiteInputs in = portDay(PORT);
        List<LiveSite> live = new ArrayList<>();
        List<DeviceLink> links = new ArrayList<>();
        List<ModbusConnection> connections = new ArrayList<>();
        SunSpecTwin shape = new SunSpecTwin(PORT, new TwinSite(PORT, in.grid(), in.windKw(), in.pvKw(), in.loadKw(),
                in.tariff(), in.emissionTPerMwh()));
        for (int i = 0; i < sites; i++) {
            ModbusConnection c = new ModbusConnection("127.0.0.1", i < silent ? silentPort : base + i,
                    Duration.ofMillis(300));
            connections.add(c);
            DeviceLink.Settings s = new DeviceLink.Settings(Duration.ofMillis(300), Duration.ofSeconds(5),
                    Duration.ofSeconds(30));
            List<DeviceLink> site = new ArrayList<>();
            for (var e : shape.roles().entrySet()) {
                site.add(new DeviceLink(PORT.id(), new SunSpecFieldDevice(e.getValue().key(), e.getValue(), c,
                        e.getKey(), false, Clock.systemUTC()), e.getValue() == DeviceRole.WIND ? 12_500 : 0, s,
                        DevicePollBench::report));
            }
            links.addAll(site);
            live.add(new LiveSite(PORT, Strategies.create(PORT.dispatch().strategy(), PORT.dispatch()),
                    new FieldSite(PORT, site, DevicePollBench::report, 10), new SafetyLayer(PORT.id(),
                            Double.POSITIVE_INFINITY, 3, DevicePollBench::report), DevicePollBench::report));
        }
        // the same loop serve runs: every site's polls sent at once, then each site collects, decides and writes
        ControlLoop loop = new ControlLoop(live, Duration.ofSeconds(1), 1, Instant.now());
        waitForPorts(base, sites);
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long[] cycleNanos = new long[cycles];
        long[] pollNanos = new long[cycles * links.size()];
        int polls = 0;
        long warmupFailures = 0;
        // half a second after the devices' tick, as serve's loop runs
        long next = System.nanoTime() + (1500 - System.currentTimeMillis() % 1000) * 1_000_000L;
        for (int k = 0; k < cycles + 10; k++) {
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
            next += 1_000_000_000L;
            loop.runCycle(t.plusSeconds(k));
            if (k == 9) {
                warmupFailures = links.stream().mapToLong(DeviceLink::failedPolls).sum();
            }
            if (k >= 10) { // the first ten: connections, discovery and the JIT
                cycleNanos[k - 10] = loop.lastCycleNanos();
                for (DeviceLink l : links) {
                    pollNanos[polls++] = l.lastLatencyNanos();
                }
            }
        }
        long failed = links.stream().mapToLong(DeviceLink::failedPolls).sum() - warmupFailures;
        System.out.printf(Locale.ROOT, "%d sites x 5 = %d devices, %d cycles of 1 s, %d failed polls (%d in the "
                + "ten warm-up cycles: the first connections and discoveries of a cold JVM)%n", sites, links.size(),
                cycles, failed, warmupFailures);
        System.out.printf(Locale.ROOT, "poll latency  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(pollNanos, polls, 50), pct(pollNanos, polls, 99), pct(pollNanos, polls, 100));
        System.out.printf(Locale.ROOT, "control cycle p50 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                pct(cycleNanos, cycles, 50), pct(cycleNanos, cycles, 99), pct(cycleNanos, cycles, 100));
        connections.forEach(ModbusConnection::close);
    }

    /** Alarms are part of the result: a device that failed or went stale is named. */
    private static void report(org.gridtwin.ems.Event e) {
        if (e.severity() == org.gridtwin.ems.Event.Severity.ALARM) {
            System.out.println("  " + e.kind() + ": " + e.detail());
        }
    }

    private static void waitForPorts(int base, int sites) throws InterruptedException {
        for (int i = 0; i < sites; i++) {
            for (int tries = 0; ; tries++) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", base + i)) {
                    break;
                } catch (java.io.IOException e) {
                    if (tries > 600) {
                        throw new IllegalStateException("no device server on " + (base + i));
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static double pct(long[] v, int n, double p) {
        long[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100 * n) - 1));
        return s[i] / 1e6;
    }
}
