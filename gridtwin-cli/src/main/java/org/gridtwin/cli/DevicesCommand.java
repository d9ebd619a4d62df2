package org.gridtwin.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gridtwin.adapters.sunspec.TwinDevices;
import org.gridtwin.ems.device.DeviceRole;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "devices", description = "Serves one site's twin devices over SunSpec Modbus TCP (one unit id per "
        + "asset: 1 PV, 2 wind, 3 battery, 4 grid meter, 5 load meter), as real equipment would answer, so that "
        + "'serve --devices FILE' controls them through the network. Prints the devices file that binds them.")
final class DevicesCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "scenario YAML file or built-in name (default: ningbo)")
    String scenario;

    @Option(names = "--site", paramLabel = "ID", required = true, description = "the site whose devices to serve")
    String siteId;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "address to listen on (default: 127.0.0.1)")
    String host;

    @Option(names = "--modbus-port", paramLabel = "PORT", defaultValue = "1502",
            description = "Modbus TCP port (default: 1502; 502 needs root)")
    int port;

    @Option(names = "--iec104-port", paramLabel = "PORT",
            description = "also serve the site as an IEC 60870-5-104 controlled station on PORT (2404 is the standard's"
                    + "; common address 1, points in docs/devices.md)")
    Integer iec104Port;

    @Option(names = "--mqtt", paramLabel = "URL",
            description = "also publish every device's reading on this MQTT broker (tcp://host:port) after each tick, "
                    + "on PREFIX/SITE/ROLE, as a gateway would (docs/devices.md)")
    String mqtt;

    @Option(names = "--mqtt-prefix", paramLabel = "TOPIC", defaultValue = "gridtwin-devices",
            description = "topic prefix for --mqtt (default: gridtwin-devices)")
    String mqttPrefix;

    @Option(names = "--write-bindings", paramLabel = "FILE",
            description = "also write the devices file for 'serve --devices FILE' (never overwrites)")
    Path bindingsOut;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scenario sc = ScenarioArgument.load(scenario);
        Site site = sc.site(siteId).orElseThrow(() -> InvalidInputException.of("command line", "--site", siteId,
                "is not a site of " + sc.name() + " (its sites: " + String.join(", ", sc.sites().stream()
                        .map(Site::id).toList()) + ")"));
        if (port < 1 || port > 65_535) {
            throw InvalidInputException.of("command line", "--modbus-port", Integer.toString(port),
                    "must be from 1 to 65535");
        }
        if (iec104Port != null && (iec104Port < 1 || iec104Port > 65_535)) {
            throw InvalidInputException.of("command line", "--iec104-port", Integer.toString(iec104Port),
                    "must be from 1 to 65535");
        }
        if (bindingsOut != null && Files.exists(bindingsOut)) {
            throw InvalidInputException.of("command line", "--write-bindings", bindingsOut.toString(),
                    "exists; devices never overwrites a file (remove it or name another)");
        }
        java.net.URI broker = mqtt == null ? null : ServeCommand.broker(mqtt);
        PrintWriter out = spec.commandLine().getOut();
        TwinDevices devices = new TwinDevices(site, sc.simulation().seed(), host, port, Duration.ofSeconds(1),
                Clock.systemUTC());
        try {
            devices.start();
            if (iec104Port != null) {
                devices.withIec104(host, iec104Port);
            }
            if (broker != null) {
                devices.withMqtt(broker, mqttPrefix);
            }
        } catch (Exception e) {
            devices.close();
            throw InvalidInputException.of("command line", "--modbus-port", Integer.toString(port),
                    "cannot be listened on at " + host + " (" + root(e) + "); choose other ports with --modbus-port"
                            + " and --iec104-port");
        }
        String bindings = bindings(sc, site, devices.units());
        if (bindingsOut != null) {
            Files.writeString(bindingsOut, bindings, StandardCharsets.UTF_8);
        }
        out.printf(Locale.ROOT, "Twin devices of %s (%s) on SunSpec Modbus TCP at %s:%d, 1-s cycles on the wall "
                + "clock:%n", site.id(), sc.name(), host, port);
        for (Map.Entry<Integer, DeviceRole> e : devices.units().entrySet()) {
            out.printf(Locale.ROOT, "  unit %d  %s%n", e.getKey(), e.getValue().key());
        }
        if (iec104Port != null) {
            out.printf(Locale.ROOT, "IEC 60870-5-104 controlled station at %s:%d, common address 1%n", host,
                    devices.iec104Port());
        }
        if (broker != null) {
            out.printf(Locale.ROOT, "MQTT %s: each device's reading on %s/%s/<role> after each tick%n", broker,
                    mqttPrefix, site.id());
        }
        out.println(bindingsOut != null ? "Devices file written to " + bindingsOut + " -- run: gridtwin serve "
                + (scenario == null ? "" : scenario + " ") + "--devices " + bindingsOut
                : "A devices file for 'gridtwin serve --devices FILE':");
        if (bindingsOut == null) {
            out.print(bindings);
        }
        out.println("Ctrl-C stops");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devices.close();
            stopped.countDown();
        }, "gridtwin-devices-shutdown"));
        stopped.await();
        return GridTwin.OK;
    }

    /** The devices file that binds the served units. */
    private String bindings(Scenario sc, Site site, Map<Integer, DeviceRole> units) {
        StringBuilder b = new StringBuilder();
        b.append("# field devices of ").append(site.id()).append(" (").append(sc.name())
                .append("): its twins served by 'gridtwin devices'\n");
        b.append("revert_s: 10\nsites:\n  ").append(site.id()).append(":\n    devices:\n");
        for (Map.Entry<Integer, DeviceRole> e : units.entrySet()) {
            b.append(String.format(Locale.ROOT, "      - {id: %s, role: %s, protocol: sunspec, host: %s, port: %d, "
                    + "unit: %d}%n", e.getValue().key().replace('_', '-'), e.getValue().key(), host, port,
                    e.getKey()));
        }
        return b.toString();
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
