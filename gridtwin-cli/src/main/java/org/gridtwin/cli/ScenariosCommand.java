package org.gridtwin.cli;

import java.util.concurrent.Callable;
import org.gridtwin.model.BuiltinScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "scenarios", description = "Lists the built-in scenarios.")
final class ScenariosCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String name : BuiltinScenarios.names()) {
            spec.commandLine().getOut().printf("%-12s %s%n", name, BuiltinScenarios.description(name));
        }
        return GridTwin.OK;
    }
}
