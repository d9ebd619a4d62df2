package org.gridtwin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gridtwin} command. Exit codes: 0 ok, 2 invalid input (every problem listed), 1 internal error (one
 * line on the terminal, the details in a log file).
 */
@Command(name = "gridtwin", mixinStandardHelpOptions = true, version = "GridTwin 0.1.0",
        description = "Plans, simulates and operates integrated renewable microgrids.",
        subcommands = {SimulateCommand.class, CompareCommand.class, SizeCommand.class, ResilienceCommand.class, ServeCommand.class, DevicesCommand.class, UsersCommand.class, TokensCommand.class, AuditCommand.class, ValidateCommand.class, ScenariosCommand.class, InitCommand.class,
            CommandLine.HelpCommand.class})
public final class GridTwin implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this directly). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new GridTwin());
        // every command answers -h/--help, including ones added later
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        // dates are read by one converter whose message names the form, never a Java class
        cl.registerConverter(LocalDate.class, GridTwin::date);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> handle(ex, err));
        cl.setParameterExceptionHandler((ex, args1) -> {
            err.println("gridtwin: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            CommandLine failed = ex.getCommandLine();
            // the top-level command's help lists the commands; a command's own help its options
            err.println(failed.getParent() == null ? "Run 'gridtwin help' for the commands."
                    : "Run 'gridtwin " + failed.getCommandName() + " --help' for its options.");
            return INVALID_INPUT;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handler; the user gets a sentence and the way out, not a trace
            err.println("gridtwin: out of memory: this run needs more than the " + Runtime.getRuntime().maxMemory()
                    / (1024 * 1024) + " MB the JVM may use; give it more (GRIDTWIN_JAVA_OPTS=-Xmx8g ./gridtwin ...)"
                    + " or simulate a shorter period or a coarser --step");
            return INTERNAL_ERROR;
        } catch (Error e) {
            return handle(new IllegalStateException(e), err);
        }
    }

    /** A date option's value: {@code YYYY-MM-DD}, a real calendar day. */
    static LocalDate date(String text) {
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
        } catch (java.time.DateTimeException e) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not a date: use YYYY-MM-DD with a real "
                + "month and day, e.g. 2024-01-01");
    }

    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof InvalidInputException invalid) {
            for (Problem p : invalid.problems()) {
                err.println(p.message());
            }
            int n = invalid.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was run.");
            return INVALID_INPUT;
        }
        Path log = writeLog(ex);
        err.println("gridtwin: internal error: " + ex + (log == null ? "" : " (details in " + log + ")"));
        return INTERNAL_ERROR;
    }

    private static Path writeLog(Exception ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path log = Path.of(System.getProperty("java.io.tmpdir"), "gridtwin-" + stamp + ".log");
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return log;
        } catch (IOException e) {
            return null;
        }
    }
}
