package org.gridtwin.testenv;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that decides whether a test runs in CI and where things outside the repository are. {@code .ci/run}
 * exports {@code CI=true} itself; any value other than empty, {@code false} or {@code 0} counts, so a CI service
 * that sets {@code CI=1} is read the same way.
 */
public final class TestEnvironment {
    private TestEnvironment() {
    }

    /** Whether this run is CI, where every prerequisite must be present. */
    public static boolean isCi() {
        return isCiValue(System.getenv("CI"));
    }

    static boolean isCiValue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0");
    }

    /** Whether a program is an executable file in one of the {@code PATH} folders. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code python} exists and imports {@code module} (asked once per module). */
    public static boolean pythonImports(String python, String module) {
        return IMPORTS.computeIfAbsent(python + " " + module, k -> {
            if (!Files.isExecutable(Path.of(python))) {
                return false;
            }
            try {
                Process p = new ProcessBuilder(python, "-c", "import " + module).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor() == 0;
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static final java.util.Map<String, Boolean> IMPORTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A file under {@code shared/data} beside the repository, searched upwards from the working directory (Maven
     * runs each module's tests in its own folder).
     */
    public static Optional<Path> sharedData(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/data").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
