package org.gridtwin.model.yaml;

import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;

/** Collects every problem of one file so that validation can report them all at once. */
public final class Problems {
    private final String file;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public void add(YamlNode at, String value, String rule) {
        list.add(new Problem(file, at.line(), at.column(), at.path(), value, rule));
    }

    public void add(int line, int column, String path, String value, String rule) {
        list.add(new Problem(file, line, column, path, value, rule));
    }

    /** A problem inside another file the scenario refers to (a CSV profile). */
    public void add(String otherFile, int line, int column, String path, String value, String rule) {
        list.add(new Problem(otherFile, line, column, path, value, rule));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** Throws one {@link InvalidInputException} holding every problem collected so far, if any. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
