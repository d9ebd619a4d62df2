package org.gridtwin.adapters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A protocol peer that is not GridTwin's code, in its own process: a script under {@code src/test/resources/peers}
 * run by Debian's python (pymodbus lives there), or a Debian program such as mbpoll. Its output lines are kept.
 */
public final class Peer implements AutoCloseable {
    public static final Path MODELS = Path.of("src/main/resources/org/gridtwin/adapters/sunspec/models")
            .toAbsolutePath();
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private Peer(Process process) {
        this.process = process;
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "peer-output");
        t.setDaemon(true);
        t.start();
        this.reader = t;
    }

    /** Starts {@code peers/SCRIPT} under /usr/bin/python3 with the arguments and waits for it to listen on port. */
    public static Peer python(String script, int port, String... args) throws Exception {
        Path file = Path.of("src/test/resources/peers", script).toAbsolutePath();
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-u", file.toString()));
        cmd.addAll(List.of(args));
        return awaitPort(new Peer(new ProcessBuilder(cmd).redirectErrorStream(true).start()), port, script);
    }

    /** Waits (at most 20 s) until {@code p} listens on {@code port}; fails naming it when it ends or does not. */
    private static Peer awaitPort(Peer p, int port, String name) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException e) {
                if (!p.process.isAlive()) {
                    throw new IllegalStateException(name + " ended: " + String.join("\n", p.lines));
                }
                Thread.sleep(50);
            }
        }
        p.close();
        throw new IllegalStateException(name + " did not listen on " + port + ": " + String.join("\n", p.lines));
    }

    /** Starts a program in the background and waits for it to listen on {@code port}. */
    public static Peer listening(int port, String... command) throws Exception {
        return awaitPort(new Peer(new ProcessBuilder(command).redirectErrorStream(true).start()), port, command[0]);
    }

    /** Starts a program in the background (a subscriber), without waiting for anything. */
    public static Peer background(String... command) throws Exception {
        return new Peer(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Runs a program to its end (at most 30 s) and returns its exit code; {@link #lines} holds its output. */
    public static Peer run(String... command) throws Exception {
        Peer p = new Peer(new ProcessBuilder(command).redirectErrorStream(true).start());
        if (!p.process.waitFor(30, TimeUnit.SECONDS)) {
            p.close();
            throw new IllegalStateException(String.join(" ", command) + " did not end within 30 s");
        }
        // every line of its output, read to the end of the stream
        p.reader.join(TimeUnit.SECONDS.toMillis(10));
        return p;
    }

    public int exitCode() {
        return process.exitValue();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until a line starting with {@code prefix} appears (at most 10 s) and returns it. */
    public String await(String prefix) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            for (String l : lines) {
                if (l.startsWith(prefix)) {
                    return l;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no line starting with " + prefix + " in " + lines);
    }

    /** A free TCP port on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Kills the process at once, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
