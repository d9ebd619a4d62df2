package org.gridtwin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.server.auth.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gridtwin audit verify|list}: the hash-chained audit trail of a data folder (docs/security.md). */
@Command(name = "audit", description = "Checks or lists the audit trail of a data folder.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListRecords.class})
final class AuditCommand extends DataFolderCommand {

    @Command(name = "verify", description = "Checks every record's hash and its link to the one before; exit 0 when "
            + "the chain holds, 2 naming the first broken record.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Override
        public Integer call() {
            AuditLog log = new AuditLog(parent.data, Clock.systemUTC());
            AuditLog.Verdict v = log.verify();
            if (!v.holds()) {
                throw InvalidInputException.of(log.file().toString(), "line " + v.broken().line(), "record "
                        + (v.broken().seq() < 0 ? "?" : Long.toString(v.broken().seq())), v.broken().reason()
                        + "; the " + v.records() + " records before it hold");
            }
            parent.spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d records, the chain holds%s%n", log.file(),
                    v.records(), v.last() == null ? "" : "; the last at " + v.last());
            return GridTwin.OK;
        }
    }

    @Command(name = "list", description = "Prints the last records: seq, time (UTC), actor, client, action, request, "
            + "outcome.")
    static final class ListRecords implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Option(names = "--last", paramLabel = "N", defaultValue = "50", description = "how many (default: 50)")
        int last;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            List<Map<String, Object>> records = new AuditLog(parent.data, Clock.systemUTC()).records();
            for (Map<String, Object> r : records.subList(Math.max(0, records.size() - Math.max(0, last)),
                    records.size())) {
                out.printf(Locale.ROOT, "%s  %s  %s  %s  %s  %s  -> %s%n", r.get("seq"), r.get("time"), r.get("actor"),
                        r.get("client"), r.get("action"), r.get("request"), r.get("outcome"));
            }
            return GridTwin.OK;
        }
    }
}
