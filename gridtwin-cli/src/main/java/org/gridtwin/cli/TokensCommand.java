package org.gridtwin.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.server.auth.Role;
import org.gridtwin.server.auth.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gridtwin tokens create|list|revoke}: API tokens for machines (docs/security.md). */
@Command(name = "tokens", description = "Manages API tokens for machines (Authorization: Bearer): shown once when "
        + "created, kept as SHA-256, scoped to a role, revocable.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand extends DataFolderCommand {

    TokenStore store() {
        return new TokenStore(data, Clock.systemUTC());
    }


    @Command(name = "create", description = "Creates a token and prints it once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TokensCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "what uses it, e.g. prometheus")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, operator or admin")
        String role;

        @Override
        public Integer call() {
            Role r = Role.of(role);
            if (r == null) {
                throw InvalidInputException.of("command line", "--role", role, "must be one of "
                        + String.join(", ", Role.keys()));
            }
            String token = parent.store().create(name, r);
            parent.audit("tokens create", name + " --role " + r.key(), "created");
            PrintWriter out = parent.spec.commandLine().getOut();
            out.println(token);
            parent.spec.commandLine().getErr().printf(Locale.ROOT, "token %s (%s) created; it is shown only this "
                    + "once: send it as 'Authorization: Bearer <token>'%n", name, r.key());
            return GridTwin.OK;
        }
    }

    @Command(name = "list", description = "Lists the tokens: name, role, created, last used, revoked (UTC).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokensCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-32s %-8s %-24s %-24s %s%n", "name", "role", "created", "last used", "revoked");
            for (TokenStore.Token t : parent.store().list()) {
                out.printf(Locale.ROOT, "%-32s %-8s %-24s %-24s %s%n", t.name(), t.role().key(), t.created(),
                        t.lastUsed() == null ? "-" : t.lastUsed(), t.revoked() == null ? "-" : t.revoked());
            }
            return GridTwin.OK;
        }
    }

    @Command(name = "revoke", description = "Revokes a token at once (a running serve reads the change).")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TokensCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            parent.store().revoke(name);
            parent.audit("tokens revoke", name, "revoked");
            parent.spec.commandLine().getOut().printf(Locale.ROOT, "%s: revoked%n", name);
            return GridTwin.OK;
        }
    }
}
