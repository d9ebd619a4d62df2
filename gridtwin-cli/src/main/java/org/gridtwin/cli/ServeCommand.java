package org.gridtwin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridtwin.adapters.FieldSites;
import org.gridtwin.adapters.mqtt.MqttTelemetry;
import org.gridtwin.model.Durations;
import org.gridtwin.model.devices.DeviceBindings;
import org.gridtwin.model.yaml.DeviceBindingsReader;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.SimulationSettings;
import org.gridtwin.server.GridTwinServer;
import org.gridtwin.server.LiveFleet;
import org.gridtwin.server.RunLimits;
import org.gridtwin.sim.report.SummaryJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Runs every site of a scenario live (on twin devices, or on field devices "
        + "with --devices) and serves the "
        + "dashboard, the JSON API (/api, documented at /openapi.json), a live stream and Prometheus metrics "
        + "(/metrics). Telemetry and counters are kept in the data folder and continue after a restart.")
final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "scenario YAML file or built-in name (default: ningbo)")
    String scenario;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every "
                    + "interface)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "HTTP port (default: 8080)")
    int port;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "run the site clock N times "
            + "faster than real time, for demos (default: 1)")
    double speed;

    @Option(names = "--cycle", paramLabel = "DURATION", defaultValue = "1s",
            description = "control cycle in site time, 1s to 1h (default: 1s)")
    String cycle;

    @Option(names = "--twin-step", paramLabel = "STEP", defaultValue = "1m",
            description = "resolution of the twins' weather, load and tariff series, 1m to 1h (default: 1m)")
    String twinStep;

    @Option(names = "--host-name", paramLabel = "NAME", description = "a name clients use to reach the server, "
            + "e.g. ems.port.example (repeatable); requests whose Host is neither one of these, localhost, the bound "
            + "name nor an IP address are refused (DNS rebinding)")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--max-run-steps", paramLabel = "N", defaultValue = "5000000",
            description = "most steps x sites x strategies one simulation run over the API may ask for; bigger runs "
                    + "are refused with 422 (default: 5000000, a year of three sites at 1m)")
    long maxRunSteps;

    @Option(names = "--keep-raw-days", paramLabel = "DAYS", defaultValue = "30",
            description = "days of site time raw 1-cycle samples are kept; rollups (1 min to 1 day), counters and "
                    + "events are kept for good (default: 30)")
    int keepRawDays;

    @Option(names = "--backfill-from", paramLabel = "DATE|auto|none", defaultValue = "auto",
            description = "on a first start (empty store), simulate the sites from DATE to now so the totals count "
                    + "from commissioning; auto = the earliest 'since' of the scenario's reported figures (ningbo: "
                    + "2024-01-01; none with --devices), none = start the totals at zero (default: auto)")
    String backfillFrom;

    @Option(names = "--devices", paramLabel = "FILE", description = "run the sites this devices file binds on "
            + "their field devices (Modbus TCP: SunSpec or a register map; docs/devices.md), the others on twins; "
            + "needs --speed 1")
    Path devicesFile;

    @Option(names = "--mqtt", paramLabel = "URL", description = "also publish every site's state and events to this "
            + "MQTT broker, tcp://host:port, with Home Assistant discovery (docs/devices.md)")
    String mqtt;

    @Option(names = "--mqtt-prefix", paramLabel = "TOPIC", defaultValue = "gridtwin",
            description = "topic prefix for --mqtt (default: gridtwin)")
    String mqttPrefix;

    @Option(names = "--mqtt-commands", description = "with --mqtt: also carry out operator commands published on "
            + "PREFIX/SITE/command (battery setpoint, wind/PV limit, release; the broker's ACLs decide who may "
            + "publish; docs/devices.md)")
    boolean mqttCommands;

    @Option(names = "--insecure-http", description = "allow a --host beyond loopback over plain HTTP, for a reverse "
            + "proxy in front that terminates TLS (docs/security.md)")
    boolean insecureHttp;

    @Option(names = "--require-sign-in", description = "every request needs a session or token even on loopback (a "
            + "reverse proxy on this machine forwards the world to 127.0.0.1; docs/security.md)")
    boolean requireSignIn;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "serve HTTPS with this certificate (chain) in "
            + "PEM; needs --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "the certificate's private key, unencrypted "
            + "PKCS#8 PEM (BEGIN PRIVATE KEY)")
    Path tlsKey;

    @Option(names = "--iec104-port", paramLabel = "PORT",
            description = "also serve every site's live state as an IEC 60870-5-104 controlled station on PORT (2404"
                    + " is the standard's), common address 1, 2, ... in the scenario's order; monitoring only "
                    + "(docs/devices.md)")
    Integer iec104Port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "gridtwin-data",
            description = "folder of the telemetry store and run outputs (default: gridtwin-data)")
    Path data;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Fails at once when the port is taken (port 0 picks a free one later). */
    private void portFree() {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw InvalidInputException.of("command line", "--port", Integer.toString(port),
                    "cannot be listened on at " + host + " (" + rootMessage(e) + "); choose another with --port");
        }
    }

    @Override
    public Integer call() throws Exception {
        Scenario sc = ScenarioArgument.load(scenario);
        LiveFleet.Options options = options();
        PrintWriter out = spec.commandLine().getOut();
        // what can fail at once is checked before the twins take seconds to build
        DeviceBindings bindings = devicesFile == null ? null : DeviceBindingsReader.read(devicesFile, sc);
        // a simulated past is no history of real equipment: with field devices only an explicit date backfills
        options = options.withBackfillFrom(bindings != null && backfillFrom.equals("auto") ? null : backfill(sc));
        java.net.URI broker = mqtt == null ? null : broker(mqtt);
        if (bindings != null && speed != 1) {
            throw InvalidInputException.of("command line", "--speed", fmt(speed), "must be 1 with --devices: "
                    + "field devices live in real time");
        }
        if (mqttCommands && broker == null) {
            throw InvalidInputException.of("command line", "--mqtt-commands", "true", "needs --mqtt tcp://host:port "
                    + "(the broker the commands arrive on)");
        }
        if (iec104Port != null && (iec104Port < 1 || iec104Port > 65_535)) {
            throw InvalidInputException.of("command line", "--iec104-port", Integer.toString(iec104Port),
                    "must be from 1 to 65535");
        }
        boolean loopback = org.gridtwin.server.ApiServer.isLoopback(host);
        if ((tlsCert == null) != (tlsKey == null)) {
            throw InvalidInputException.of("command line", tlsCert == null ? "--tls-key" : "--tls-cert",
                    String.valueOf(tlsCert == null ? tlsKey : tlsCert), "needs " + (tlsCert == null ? "--tls-cert"
                            : "--tls-key") + " too (the certificate and its key)");
        }
        org.gridtwin.server.Tls tls = tlsCert == null ? null : org.gridtwin.server.Tls.load(tlsCert, tlsKey,
                java.time.Instant.now());
        if (!loopback && tls == null && !insecureHttp) {
            throw InvalidInputException.of("command line", "--host", host, "reaches beyond this machine over plain "
                    + "HTTP: give --tls-cert and --tls-key, or --insecure-http when a reverse proxy in front "
                    + "terminates TLS, or bind 127.0.0.1");
        }
        boolean open = loopback && !requireSignIn;
        if (!open && new org.gridtwin.server.auth.UserStore(data, Clock.systemUTC()).list().stream()
                .noneMatch(u -> u.role() == org.gridtwin.server.auth.Role.ADMIN)) {
            throw InvalidInputException.of("command line", loopback ? "--require-sign-in" : "--host", loopback ? "true"
                    : host, (loopback ? "makes every request need a session" : "reaches beyond this machine, where "
                            + "every request needs a session") + ", and " + data.resolve("users.json")
                            + " has no admin: gridtwin users add NAME --role admin --data " + data);
        }
        portFree();
        out.printf(Locale.ROOT, "Starting %d site(s) of %s; building the twins ...%n", sc.sites().size(), sc.name());
        GridTwinServer server;
        FieldSites field = new FieldSites(bindings == null ? new DeviceBindings("", java.util.Map.of(), 10)
                : bindings, Clock.systemUTC());
        try {
            server = GridTwinServer.create(sc, options, data, Clock.systemUTC(), System::nanoTime,
                    new RunLimits(maxRunSteps, RunLimits.defaults().heapBytes()), field, open, tls);
        } catch (java.io.IOException | org.gridtwin.store.StoreException e) {
            // a folder that cannot be written, or a store another serve holds open
            throw InvalidInputException.of("command line", "--data", data.toString(), "cannot hold the store: "
                    + rootMessage(e));
        }
        hostNames.forEach(server.api()::answerTo);
        try {
            server.listen(host, port);
        } catch (RuntimeException e) {
            server.close();
            throw InvalidInputException.of("command line", "--port", Integer.toString(port),
                    "cannot be listened on at " + host + " (" + rootMessage(e) + "); choose another with --port");
        }
        server.run();
        org.gridtwin.adapters.iec104.Iec104Station station = iec104Port == null ? null : station(sc, server);
        org.gridtwin.server.auth.AuditLog audit = new org.gridtwin.server.auth.AuditLog(data, Clock.systemUTC());
        org.gridtwin.adapters.mqtt.MqttCommands commands = !mqttCommands ? null
                : new org.gridtwin.adapters.mqtt.MqttCommands(broker, mqttPrefix, server.fleet()::site)
                        .onHandled((topic, command, outcome) -> audit.append(new org.gridtwin.server.auth.AuditLog
                                .Entry("mqtt", broker.toString(), "mqtt " + topic, command, (outcome.accepted()
                                        ? "accepted: " : "refused: ") + outcome.detail())))
                        .start();
        MqttTelemetry telemetry = broker == null ? null : new MqttTelemetry(broker, mqttPrefix,
                Duration.ofSeconds(1), new MqttTelemetry.Source(sc.sites().stream()
                        .map(s -> new MqttTelemetry.SiteInfo(s.id(), s.name(), !s.wind().isEmpty(), !s.pv().isEmpty(),
                                s.battery() != null)).toList(),
                        () -> server.fleet().snapshot().siteLive(), server.events()::total,
                        n -> server.events().latest(null, null, n))).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (telemetry != null) {
                telemetry.close(); // says offline before the server goes
            }
            if (station != null) {
                station.close();
            }
            if (commands != null) {
                commands.close();
            }
            server.close(); // the last cycles reach the store before the process ends
            field.close();
            stopped.countDown();
        }, "gridtwin-shutdown"));
        String base = (tls != null ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.port();
        if (tls != null) {
            out.printf(Locale.ROOT, "  HTTPS with %s%n", tls.describe());
        }
        out.printf(Locale.ROOT, "GridTwin serving %s (%s) at %s/%n", sc.name(), String.join(", ",
                sc.sites().stream().map(s -> s.id()).toList()), base);
        // a person reads the site's local time with its offset (the first site's zone)
        java.time.ZoneId zone = sc.sites().get(0).timeZone();
        out.printf(Locale.ROOT, "  totals count from %s%n", SummaryJson.localTime(server.fleet().since(), zone));
        out.printf(Locale.ROOT, "  site clock from %s at %s x real time, %s cycles; data in %s%n",
                SummaryJson.localTime(server.fleet().startedAt(), zone), fmt(options.speed()),
                Durations.format(options.cycle()),
                data.toAbsolutePath().resolve(GridTwinServer.STORE_FILE));
        if (bindings != null) {
            for (String id : bindings.sites().keySet()) {
                out.printf(Locale.ROOT, "  %s on %d field device(s) of %s; the other sites on twins%n", id,
                        bindings.of(id).size(), devicesFile);
            }
        }
        if (broker != null) {
            out.printf(Locale.ROOT, "  MQTT %s: %s/<site>/state, /event, %s/status; Home Assistant discovery%n",
                    broker, mqttPrefix, mqttPrefix);
        }
        if (commands != null) {
            out.printf(Locale.ROOT, "  MQTT commands on %s/<site>/command, outcomes on %s/<site>/command/result: "
                    + "whoever may publish there (the broker's ACLs) controls the sites%n", mqttPrefix, mqttPrefix);
        }
        if (station != null) {
            out.printf(Locale.ROOT, "  IEC 60870-5-104 controlled station at %s:%d: %s%n", host, station.port(),
                    String.join(", ", java.util.stream.IntStream.range(0, sc.sites().size())
                            .mapToObj(i -> "common address " + (i + 1) + " " + sc.sites().get(i).id()).toList()));
        }
        out.printf("  API %s/api  OpenAPI %s/openapi.json  metrics %s/metrics  -- Ctrl-C stops%n", base, base, base);
        if (!open) {
            out.printf(Locale.ROOT, "  %s: every request needs a session (POST "
                    + "/api/login; users in %s)%s%n", host, data.resolve("users.json"), tls == null
                            ? ", over plain HTTP: terminate TLS in front of it" : "");
        } else {
            out.printf(Locale.ROOT, "  on loopback: reads and runs need no sign-in, commands an operator's session%n");
        }
        out.flush();
        stopped.await();
        return GridTwin.OK;
    }

    /** Every site's live state as a controlled station, common address 1, 2, … in the scenario's order. */
    private org.gridtwin.adapters.iec104.Iec104Station station(Scenario sc, GridTwinServer server) {
        List<org.gridtwin.adapters.iec104.StationPoints> sites = new java.util.ArrayList<>();
        for (int i = 0; i < sc.sites().size(); i++) {
            String id = sc.sites().get(i).id();
            sites.add(new org.gridtwin.adapters.iec104.LiveStationPoints(i + 1, sc.sites().get(i).battery() != null,
                    () -> server.fleet().snapshot().siteLive().get(id)));
        }
        try {
            return new org.gridtwin.adapters.iec104.Iec104Station(sites,
                    org.gridtwin.adapters.iec104.Iec104Station.Options.defaults(), Clock.systemUTC())
                    .start(host, iec104Port);
        } catch (Exception e) {
            server.close();
            throw InvalidInputException.of("command line", "--iec104-port", Integer.toString(iec104Port),
                    "cannot be listened on at " + host + " (" + rootMessage(e) + "); choose another");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static java.net.URI broker(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            if ("tcp".equals(u.getScheme()) && u.getHost() != null && u.getPort() >= -1 && u.getPort() <= 65_535
                    && (u.getPath() == null || u.getPath().isEmpty())) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // the same sentence below
        }
        throw InvalidInputException.of("command line", "--mqtt", url, "must be tcp://host:port, e.g. "
                + "tcp://127.0.0.1:1883");
    }

    private LocalDate backfill(Scenario sc) {
        if (backfillFrom.equals("none")) {
            return null;
        }
        if (backfillFrom.equals("auto")) {
            return org.gridtwin.server.LiveFleet.commissioning(sc);
        }
        try {
            return LocalDate.parse(backfillFrom);
        } catch (java.time.DateTimeException e) {
            throw InvalidInputException.of("command line", "--backfill-from", backfillFrom,
                    "must be a date like 2024-01-01, auto or none");
        }
    }

    /** Checks every option before anything starts, listing all problems at once. */
    LiveFleet.Options options() {
        List<Problem> problems = new ArrayList<>();
        String src = "command line";
        if (!(speed > 0 && speed <= 1_000_000)) {
            problems.add(new Problem(src, 0, 0, "--speed", fmt(speed), "must be above 0 and at most 1000000"));
        }
        Duration c = Durations.parse(cycle);
        if (c == null || c.compareTo(Duration.ofSeconds(1)) < 0 || c.compareTo(Duration.ofHours(1)) > 0
                || c.getNano() != 0) {
            problems.add(new Problem(src, 0, 0, "--cycle", cycle, "must be whole seconds from 1s to 1h, e.g. 1s, "
                    + "10s, 1m"));
        }
        Duration t = Durations.parse(twinStep);
        if (t == null || !SimulationSettings.isValidStep(t)) {
            problems.add(new Problem(src, 0, 0, "--twin-step", twinStep, "must be from 1m to 1h and divide an "
                    + "hour, e.g. 1m, 15m, 1h"));
        }
        if (maxRunSteps < 1) {
            problems.add(new Problem(src, 0, 0, "--max-run-steps", Long.toString(maxRunSteps), "must be >= 1"));
        }
        if (keepRawDays < 1 || keepRawDays > 36_600) {
            problems.add(new Problem(src, 0, 0, "--keep-raw-days", Integer.toString(keepRawDays),
                    "must be from 1 to 36600"));
        }
        if (port < 0 || port > 65_535) {
            problems.add(new Problem(src, 0, 0, "--port", Integer.toString(port), "must be from 0 to 65535"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return LiveFleet.Options.defaults().withCycle(c).withSpeed(speed).withTwinStep(t)
                .withKeepRaw(Duration.ofDays(keepRawDays));
    }
}
