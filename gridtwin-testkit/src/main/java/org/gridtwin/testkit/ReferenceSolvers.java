package org.gridtwin.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the independent reference solvers on an MPS file: GLPK's {@code glpsol} and COIN-OR's {@code cbc}
 * (Debian packages glpk-utils and coinor-cbc, installed by .ci/run). Tests that use them are marked
 * {@code @Requires(Prerequisite.REFERENCE_SOLVERS)}.
 */
public final class ReferenceSolvers {
    private ReferenceSolvers() {
    }

    /** The optimum GLPK reports for a free-MPS file. */
    public static double glpsolObjective(Path mps) throws IOException, InterruptedException {
        Path out = Files.createTempFile("glpsol", ".txt");
        run(List.of("glpsol", "--freemps", mps.toString(), "--min", "-o", out.toString()));
        String report = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        Matcher m = Pattern.compile("Objective:\\s+\\S+\\s*=\\s*(\\S+)").matcher(report);
        if (!m.find() || !report.contains("OPTIMAL")) {
            throw new IllegalStateException("glpsol did not report an optimum:\n" + report);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The optimum CBC (its LP engine is CLP) reports for a free-MPS file. */
    public static double cbcObjective(Path mps) throws IOException, InterruptedException {
        String log = run(List.of("cbc", mps.toString(), "solve"));
        Matcher m = Pattern.compile("Optimal - objective value\\s+(\\S+)").matcher(log);
        if (!m.find()) {
            throw new IllegalStateException("cbc did not report an optimum:\n" + log);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Runs a command and returns what it printed; nonzero exit is an error. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
