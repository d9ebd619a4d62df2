package org.gridtwin.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Checks a scenario file and lists every problem (exit 0 valid, 2 not).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "scenario YAML file or built-in name")
    String file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = ScenarioArgument.load(file);
        spec.commandLine().getOut().println(file + ": valid scenario '" + s.name() + "' with " + s.sites().size()
                + (s.sites().size() == 1 ? " site: " : " sites: ")
                + s.sites().stream().map(Site::id).collect(Collectors.joining(", ")));
        return GridTwin.OK;
    }
}
