package org.gridtwin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.yaml.ScenarioReader;

/** Resolves the SCENARIO argument: a YAML file if one exists at that path, else a built-in scenario's name. */
final class ScenarioArgument {
    private ScenarioArgument() {
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
