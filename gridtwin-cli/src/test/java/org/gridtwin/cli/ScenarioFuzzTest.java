package org.gridtwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.gridtwin.model.BuiltinScenarios;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.SimulationSettings;
import org.gridtwin.model.yaml.ScenarioReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of the built-in scenario through {@code validate} and {@code simulate} as a user runs them: each
 * ends in exit 2 with every problem located (file:line:column), or in a valid file that simulates with exit 0 —
 * never exit 1, never a stack trace, never a run that does not finish. "Validate agrees with the engine": what
 * validate accepts, simulate runs.
 *
 * <p>Mutations: a line deleted, duplicated or swapped with the next; a block cut; a number replaced by an extreme
 * (0, negative, 1e20, 1e308, 23 digits, NaN, .inf, text); a word replaced (another id, a typo, empty); an indent
 * changed; a YAML control character inserted; the file truncated. Simulations run a few days (the file's own period
 * when it is short), so the whole test takes well under a minute of a 2-core machine.
 */
class ScenarioFuzzTest {
    static final long SEED = 20241101;
    static final int MUTATIONS = 2000;
    static final Duration RUN_LIMIT = Duration.ofSeconds(60);
    static final Pattern LOCATED = Pattern.compile("^\\S+\\.yaml:\\d+:\\d+: .+|^\\S+\\.(csv|epw):\\d+(:\\d+)?: .+");
    static final String[] NUMBERS = {"0", "-1", "-0.5", "1e20", "1e308", "-1e308", "12345678901234567890123",
        "NaN", ".nan", ".inf", "-.inf", "abc", "0x10", "1_000", "''", "[]", "{}", "2.5", "100000", "1e-9"};
    static final String[] WORDS = {"chuanshan-port", "liao-village", "nope", "", "~", "null", "true", "Asia/Shanghia",
        "self-consumtion", "peak-shaving", "crane_fleet", "households", "1h", "7m", "0m", "2024-02-30",
        "-2024-01-01", "+12024-01-01", "zhejiang-ci-2024", "flat", "sharp_peak", "\"24:00\"", "\"25:00\"",
        "nrel_bespoke_6mw_196m", "mon", "&x", "*x", "!!binary x"};
    static final String[] CONTROL = {"[", "]", "{", "}", ":", "- ", "&a ", "*a", "!", "|", ">", "#", "\"", "'", "\t",
        ",", "%", "@", "`", "?"};

    /** Two workers, as the machines have two cores; each mutation writes to its own folder. */
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    static Path dir;

    record Run(int code, String out, String err) {
    }

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
    }

    record Outcome(String failure, boolean rejected) {
    }

    @Test
    void everyMutationIsALocatedErrorOrARunThatSucceeds() throws Exception {
        String base = BuiltinScenarios.text("ningbo").orElseThrow();
        Random random = new Random(SEED);
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            mutations.add(mutate(base, random));
        }
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < MUTATIONS; i++) {
            Mutation m = mutations.get(i);
            Path folder = dir.resolve("m" + i);
            outcomes.add(WORKERS.submit(() -> check(m, folder)));
        }
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Outcome o;
            try {
                o = outcomes.get(i).get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                o = new Outcome("did not finish within " + RUN_LIMIT.toSeconds() + " s", false);
            }
            if (o.failure() != null && failures.size() < 10) {
                failures.add("mutation " + i + " (" + mutations.get(i).what() + "): " + o.failure());
            }
            rejected += o.rejected() ? 1 : 0;
        }
        assertThat(failures).as("failing mutations").isEmpty();
        // the mutations exercise both sides: many files are rejected, many still run
        assertThat(rejected).isGreaterThan(MUTATIONS / 4);
        assertThat(MUTATIONS - rejected).isGreaterThan(MUTATIONS / 10);
    }

    /** validate, then simulate what validate accepted; the first thing wrong, if anything. */
    static Outcome check(Mutation m, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("m.yaml");
        Files.writeString(file, m.text(), StandardCharsets.UTF_8);
        Run v = run(List.of("validate", file.toString()));
        String problem = judge(v, true);
        if (problem != null || v.code() != GridTwin.OK) {
            return new Outcome(problem, problem == null);
        }
        List<String> args = new ArrayList<>(List.of("simulate", file.toString(), "--out",
                folder.resolve("out").toString()));
        args.addAll(shortPeriod(file));
        Run s = run(args);
        problem = judge(s, false);
        if (problem == null && s.code() != GridTwin.OK) {
            problem = "validate accepted it but simulate exited " + s.code() + ":\n" + s.err();
        }
        return new Outcome(problem, false);
    }

    /** Why an outcome is wrong, or null. */
    static String judge(Run r, boolean validating) {
        String all = r.out() + r.err();
        if (r.code() == GridTwin.INTERNAL_ERROR || r.code() < 0 || r.code() > 2) {
            return "exit " + r.code() + ":\n" + r.err();
        }
        if (all.contains("Exception") || all.contains("\tat ") || all.contains("Error:")) {
            return "a Java trace or class name reached the user:\n" + all;
        }
        if (r.code() == GridTwin.INVALID_INPUT) {
            List<String> lines = r.err().lines().toList();
            for (String line : lines.subList(0, Math.max(0, lines.size() - 1))) {
                if (!LOCATED.matcher(line).matches()) {
                    return (validating ? "validate" : "simulate") + " gave a problem without file:line:column: "
                            + line;
                }
            }
        }
        return null;
    }

    /** Three days unless the file's own period is short already (period mutations then run as written). */
    static List<String> shortPeriod(Path file) {
        try {
            Scenario sc = ScenarioReader.read(file);
            SimulationSettings s = sc.simulation();
            if (s.end().toEpochDay() - s.start().toEpochDay() <= 7) {
                return List.of();
            }
        } catch (InvalidInputException e) {
            return List.of();
        }
        return List.of("--start", "2024-06-01", "--end", "2024-06-04");
    }

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GridTwin.execute(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    record Mutation(String text, String what) {
    }

    static Mutation mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int n = lines.size();
        int at = r.nextInt(n);
        String line = lines.get(at);
        String what;
        switch (r.nextInt(10)) {
            case 0 -> {
                lines.remove(at);
                what = "deleted line " + (at + 1);
            }
            case 1 -> {
                lines.add(at, line);
                what = "duplicated line " + (at + 1);
            }
            case 2 -> {
                if (at + 1 < n) {
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                }
                what = "swapped lines " + (at + 1) + " and " + (at + 2);
            }
            case 3 -> {
                int indent = indent(line);
                int end = at + 1;
                while (end < n && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
                    end++;
                }
                lines.subList(at, end).clear();
                what = "cut the block of line " + (at + 1);
            }
            case 4, 5 -> {
                String number = NUMBERS[r.nextInt(NUMBERS.length)];
                String changed = replaceNth(line, "-?\\d+(\\.\\d+)?(e-?\\d+)?", number, r);
                lines.set(at, changed);
                what = "a number on line " + (at + 1) + " -> " + number;
            }
            case 6 -> {
                String word = WORDS[r.nextInt(WORDS.length)];
                lines.set(at, replaceNth(line, "(?<=: )[A-Za-z][\\w./-]*", word, r));
                what = "a word on line " + (at + 1) + " -> " + word;
            }
            case 7 -> {
                int indent = indent(line);
                lines.set(at, r.nextBoolean() ? "  " + line : line.substring(Math.min(indent, 2)));
                what = "indent of line " + (at + 1);
            }
            case 8 -> {
                String c = CONTROL[r.nextInt(CONTROL.length)];
                int pos = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, pos) + c + line.substring(pos));
                what = "inserted '" + c + "' in line " + (at + 1);
            }
            default -> {
                lines.subList(at, n).clear();
                what = "truncated after line " + at;
            }
        }
        return new Mutation(String.join("\n", lines) + "\n", what);
    }

    static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Replaces one randomly chosen match of the pattern (the line unchanged when nothing matches). */
    static String replaceNth(String line, String regex, String replacement, Random r) {
        var m = Pattern.compile(regex).matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return line;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return line.substring(0, s[0]) + replacement + line.substring(s[1]);
    }

}
