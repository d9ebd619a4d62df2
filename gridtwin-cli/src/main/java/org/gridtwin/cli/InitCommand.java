package org.gridtwin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", description = "Writes an editable copy of a built-in scenario into DIR/NAME.yaml.")
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "built-in scenario name (see 'gridtwin scenarios')")
    String name;

    @Parameters(index = "1", paramLabel = "DIR", description = "folder to write into (created if missing)")
    Path dir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String text = BuiltinScenarios.text(name).orElseThrow(() -> InvalidInputException.of("command line", "NAME",
                name, "is not a built-in scenario (built-ins: " + String.join(", ", BuiltinScenarios.names())
                        + ")"));
        Path target = dir.resolve(name + ".yaml");
        if (Files.exists(target)) {
            throw InvalidInputException.of(target.toString(), "(file)", null,
                    "already exists; it was left untouched (choose another DIR or remove it)");
        }
        OutputFolder.prepare(dir, "DIR");
        Files.writeString(target, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("wrote " + target + "; run: gridtwin simulate " + target);
        return GridTwin.OK;
    }
}
