package org.gridtwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path data;

    @Test
    void everyBadOptionIsListedBeforeAnythingStarts() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--speed", "0", "--cycle", "500ms", "--twin-step", "7m",
                "--port", "70000", "--data", data.toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --speed = 0 must be above 0 and at most 1000000")
                .contains("command line: --cycle = 500ms must be whole seconds from 1s to 1h, e.g. 1s, 10s, 1m")
                .contains("command line: --twin-step = 7m must be from 1m to 1h and divide an hour")
                .contains("command line: --port = 70000 must be from 0 to 65535")
                .contains("4 problems found; nothing was run.");
    }

    @Test
    void aBackfillDateMustBeADate() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--backfill-from", "yesterday", "--data",
                data.toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --backfill-from = yesterday must be a date like 2024-01-01, "
                + "auto or none");
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsAnInputError() throws Exception {
        Path file = data.resolve("a-file");
        java.nio.file.Files.writeString(file, "not a folder");
        CommandLineTest.Run r = CommandLineTest.run("serve", "--data", file.resolve("sub").toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --data = " + file.resolve("sub") + " cannot hold the store: ");
    }

    @Test
    void aPortInUseIsAnInputErrorNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CommandLineTest.Run r = CommandLineTest.run("serve", "--port", Integer.toString(port), "--data",
                    data.toString());
            assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
            assertThat(r.err()).contains("command line: --port = " + port + " cannot be listened on at 127.0.0.1")
                    .contains("choose another with --port");
        }
    }

    @Test
    void aDevicesFileIsValidatedAgainstTheScenarioBeforeAnythingStarts() throws Exception {
        Path file = data.resolve("devices.yaml");
        java.nio.file.Files.writeString(file, """
                sites:
                  chuanshan-port:
                    devices:
                      - {id: pv, role: pv, protocol: sunspec, host: 127.0.0.1, port: 1502, unit: 1, timeout_ms: 5}
                """);
        CommandLineTest.Run r = CommandLineTest.run("serve", "--devices", file.toString(), "--data",
                data.resolve("d").toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains(file + ":4:97: sites.chuanshan-port.devices[0].timeout_ms = 5 must be in "
                + "[10, 10000]");
        java.nio.file.Files.writeString(file, """
                sites:
                  chuanshan-port:
                    devices:
                      - {id: pv, role: pv, protocol: sunspec, host: 127.0.0.1, port: 1502, unit: 1}
                      - {id: wind, role: wind, protocol: sunspec, host: 127.0.0.1, port: 1502, unit: 2}
                      - {id: bat, role: battery, protocol: sunspec, host: 127.0.0.1, port: 1502, unit: 3}
                      - {id: grid, role: grid_meter, protocol: sunspec, host: 127.0.0.1, port: 1502, unit: 4}
                """);
        CommandLineTest.Run fast = CommandLineTest.run("serve", "--devices", file.toString(), "--speed", "60",
                "--data", data.resolve("d").toString());
        assertThat(fast.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(fast.err()).contains("command line: --speed = 60 must be 1 with --devices");
    }

    @Test
    void devicesNamesTheSitesItKnows() {
        CommandLineTest.Run r = CommandLineTest.run("devices", "--site", "nope");
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --site = nope is not a site of ningbo (its sites: "
                + "chuanshan-port, liao-village, meishan-ev-factory)");
    }

    @Test
    void anMqttBrokerIsATcpUrl() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--mqtt", "mqtt://broker", "--data",
                data.resolve("d").toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --mqtt = mqtt://broker must be tcp://host:port, e.g. "
                + "tcp://127.0.0.1:1883");
    }

    @Test
    void anIec104PortIsAPort() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--iec104-port", "70000", "--data",
                data.resolve("d").toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --iec104-port = 70000 must be from 1 to 65535");
    }

    @Test
    void mqttCommandsNeedABroker() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--mqtt-commands", "--data", data.resolve("d").toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("command line: --mqtt-commands = true needs --mqtt tcp://host:port");
    }

    @Test
    void beyondLoopbackServeNeedsPlainHttpAllowedAndAnAdmin() {
        CommandLineTest.Run r = CommandLineTest.run("serve", "--host", "0.0.0.0", "--data",
                data.resolve("d").toString());
        assertThat(r.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(r.err()).contains("--host = 0.0.0.0 reaches beyond this machine over plain HTTP: give --tls-cert "
                + "and --tls-key");
        CommandLineTest.Run noAdmin = CommandLineTest.run("serve", "--host", "0.0.0.0", "--insecure-http", "--data",
                data.resolve("d").toString());
        assertThat(noAdmin.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(noAdmin.err()).contains("has no admin: gridtwin users add NAME --role admin");
        CommandLineTest.Run local = CommandLineTest.run("serve", "--require-sign-in", "--data",
                data.resolve("d").toString());
        assertThat(local.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(local.err()).contains("--require-sign-in = true makes every request need a session")
                .contains("has no admin");
    }

    @Test
    void aCertificateNeedsItsKeyAndAPkcs8Key() throws Exception {
        Path cert = data.resolve("cert.pem");
        Files.writeString(cert, "not a certificate");
        CommandLineTest.Run half = CommandLineTest.run("serve", "--tls-cert", cert.toString(), "--data",
                data.resolve("d").toString());
        assertThat(half.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(half.err()).contains("needs --tls-key too");
        CommandLineTest.Run bad = CommandLineTest.run("serve", "--tls-cert", cert.toString(), "--tls-key",
                cert.toString(), "--data", data.resolve("d").toString());
        assertThat(bad.code()).isEqualTo(GridTwin.INVALID_INPUT);
        assertThat(bad.err()).contains("cert.pem").contains("certificate");
    }
}
