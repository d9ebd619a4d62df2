package org.gridtwin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.TextFile;
import org.gridtwin.model.yaml.ScenarioReader;

/** Resolves the SCENARIO argument: a YAML file if one exists at that path, else a built-in scenario's name. */
final class ScenarioArgument {
    private ScenarioArgument() {
    }

    /** A scenario's text, the label its messages use and the folder its relative references resolve in. */
    record Source(String text, String label, Path baseDir) {
        Scenario read() {
            return ScenarioReader.read(text, label, baseDir);
        }
    }

    /** The text behind the SCENARIO argument, for commands that vary it. */
    static Source source(String argument) {
        String arg = argument == null ? BuiltinScenarios.DEFAULT : argument;
        Path file = Path.of(arg);
        if (Files.isRegularFile(file)) {
            try {
                return new Source(TextFile.readUtf8(file), file.getFileName().toString(),
                        file.toAbsolutePath().getParent());
            } catch (TextFile.NotUtf8Exception e) {
                throw e.asInput(file.toString());
            } catch (java.io.IOException e) {
                throw InvalidInputException.of(file.toString(), "(file)", null, "cannot be read: " + e.getMessage());
            }
        }
        return new Source(BuiltinScenarios.text(arg).orElseThrow(() -> InvalidInputException.of("command line",
                "SCENARIO", arg, "is neither a scenario file nor a built-in scenario (built-ins: "
                        + String.join(", ", BuiltinScenarios.names()) + ")")), arg, null);
    }

    static Scenario load(String argument) {
        String arg = argument == null ? BuiltinScenarios.DEFAULT : argument;
        Path file = Path.of(arg);
        if (Files.isRegularFile(file)) {
            return ScenarioReader.read(file);
        }
        return BuiltinScenarios.load(arg).orElseThrow(() -> InvalidInputException.of("command line", "SCENARIO",
                arg, "is neither a scenario file nor a built-in scenario (built-ins: "
                        + String.join(", ", BuiltinScenarios.names()) + ")"));
    }
}
