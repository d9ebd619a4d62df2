package org.gridtwin.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.gridtwin.server.auth.AuditLog;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command group about a data folder of {@code serve} (users, tokens, the audit trail): the folder option its
 * subcommands inherit, its usage when called bare, and the audit record a change makes.
 */
abstract class DataFolderCommand implements Runnable {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "gridtwin-data", scope =
            picocli.CommandLine.ScopeType.INHERIT, description = "the data folder of 'serve' (default: gridtwin-data)")
    Path data;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Records a change in the data folder's audit trail: who ran the command, on this machine. */
    void audit(String action, String request, String outcome) {
        new AuditLog(data, Clock.systemUTC()).append(new AuditLog.Entry("cli:" + System.getProperty("user.name",
                "?"), "local", action, request, outcome));
    }
}
