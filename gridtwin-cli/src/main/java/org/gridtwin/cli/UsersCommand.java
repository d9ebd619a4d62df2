package org.gridtwin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.server.auth.Role;
import org.gridtwin.server.auth.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gridtwin users add|passwd|remove|list}: the users of a data folder (docs/security.md). */
@Command(name = "users", description = "Manages the users who may sign in to 'serve' (viewer, operator, admin); "
        + "passwords are read from standard input and kept only as Argon2id hashes.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Passwd.class, UsersCommand.Remove.class,
            UsersCommand.ListUsers.class})
final class UsersCommand extends DataFolderCommand {

    UserStore store() {
        return new UserStore(data, Clock.systemUTC());
    }


    /**
     * The password: typed twice without echo at a terminal, else the first line of standard input (for scripts:
     * {@code printf '%s\n' "$PW" | gridtwin users add ops --role operator}).
     */
    static char[] password() {
        java.io.Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || !java.util.Arrays.equals(first, again)) {
                throw InvalidInputException.of("terminal", "password", "(hidden)", "was not typed the same twice");
            }
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw InvalidInputException.of("standard input", "password", "(empty)", "must be given on the first "
                        + "line of standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw InvalidInputException.of("standard input", "password", "", "cannot be read (" + e.getMessage()
                    + ")");
        }
    }

    @Command(name = "add", description = "Adds a user; the password comes from standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "1-32 of a-z, 0-9, '.', '_', '-'")
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
            UserStore store = parent.store();
            UserStore.User u = store.add(name, r, password());
            parent.audit("users add", name + " --role " + r.key(), "added");
            parent.spec.commandLine().getOut().printf(Locale.ROOT, "%s added as %s to %s%n", u.name(),
                    u.role().key(), store.file());
            return GridTwin.OK;
        }
    }

    /** A change to one existing user: done to the store, then recorded in the audit trail and reported. */
    abstract static class Change implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        /** Makes the change; returns what the audit trail and the operator are told. */
        abstract String change(UserStore store);

        @Override
        public Integer call() {
            UserStore store = parent.store();
            String done = change(store);
            parent.audit("users " + parent.spec.commandLine().getParseResult().subcommand().commandSpec().name(),
                    name, done);
            parent.spec.commandLine().getOut().printf(Locale.ROOT, "%s: %s (%s)%n", name, done, store.file());
            return GridTwin.OK;
        }
    }

    @Command(name = "passwd", description = "Sets a user's password from standard input.")
    static final class Passwd extends Change {
        @Override
        String change(UserStore store) {
            store.passwd(name, password());
            return "password changed";
        }
    }

    @Command(name = "remove", description = "Removes a user (never the last admin).")
    static final class Remove extends Change {
        @Override
        String change(UserStore store) {
            store.remove(name);
            return "removed";
        }
    }

    @Command(name = "list", description = "Lists the users: name, role, created, password last changed (UTC).")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UsersCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            java.util.List<UserStore.User> users = parent.store().list();
            if (users.isEmpty()) {
                out.println("no users in " + parent.data.resolve(UserStore.FILE) + " (gridtwin users add NAME --role "
                        + "admin creates the first admin)");
                return GridTwin.OK;
            }
            out.printf(Locale.ROOT, "%-32s %-8s %-20s %s%n", "name", "role", "created", "password changed");
            for (UserStore.User u : users) {
                out.printf(Locale.ROOT, "%-32s %-8s %-20s %s%n", u.name(), u.role().key(), u.created(), u.changed());
            }
            return GridTwin.OK;
        }
    }
}
