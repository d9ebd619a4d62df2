package org.gridtwin.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The single exception GridTwin throws for bad user input. It carries every problem found, so a user fixes a file
 * in one pass instead of one error per run. The command line turns it into exit code 2.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an input error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One problem without a YAML location, e.g. a bad command-line option. */
    public static InvalidInputException of(String source, String item, String value, String rule) {
        return new InvalidInputException(List.of(new Problem(source, 0, 0, item, value, rule)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
