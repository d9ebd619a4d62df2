package org.gridtwin.model.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node that knows where it is: its YAML path ({@code sites[0].battery}) and its line and column in the file.
 * Typed reads report problems into the shared {@link Problems} instead of throwing, so one pass finds every error.
 * A read that fails returns a neutral value (NaN, empty) that later checks skip.
 */
public final class YamlNode {
    private final Node node;
    private final String path;
    private final int line;
    private final int column;
    private final Problems problems;

    YamlNode(Node node, String path, int line, int column, Problems problems) {
        this.node = node;
        this.path = path;
        this.line = line;
        this.column = column;
        this.problems = problems;
    }

    /**
     * Parses a YAML document; a syntax error, nesting too deep or an alias bomb becomes a problem at its mark and
     * an empty root is returned ({@link YamlComposer}). Uses the composer rather than a data loader because only
     * nodes keep their source positions.
     */
    public static YamlNode parse(String text, Problems problems) {
        Optional<Node> root = YamlComposer.compose(text, problems);
        return root.isPresent() ? of(root.get(), "", problems) : missing(problems, "", 1, 1);
    }

    static YamlNode of(Node node, String path, Problems problems) {
        Mark mark = node.getStartMark().orElse(null);
        return new YamlNode(node, path, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                problems);
    }

    static YamlNode missing(Problems problems, String path, int line, int column) {
        return new YamlNode(null, path, line, column, problems);
    }

    public String path() {
        return path.isEmpty() ? "(document)" : path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isMissing() {
        return node == null;
    }

    /** The value as written in the file, for messages. */
    public String raw() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof SequenceNode) {
            return "[list]";
        }
        return node == null ? null : "{mapping}";
    }

    /** Reads a mapping; reports and returns an empty mapping when this is something else. */
    public YamlMap asMap() {
        if (node instanceof MappingNode m) {
            return new YamlMap(this, m);
        }
        if (node != null) {
            problems.add(this, raw(), "must be a mapping (key: value lines)");
        }
        return new YamlMap(this, null);
    }

    /** Reads a sequence; reports and returns an empty list when this is something else. */
    public List<YamlNode> asList() {
        if (node instanceof SequenceNode s) {
            List<YamlNode> out = new ArrayList<>(s.getValue().size());
            int i = 0;
            for (Node child : s.getValue()) {
                out.add(of(child, path + "[" + i++ + "]", problems));
            }
            return out;
        }
        if (node == null) {
            problems.add(this, null, "is required (a list)");
        } else {
            problems.add(this, raw(), "must be a list");
        }
        return List.of();
    }

    /** A finite number satisfying the rule, or NaN after reporting a problem. */
    public double asDouble(NumberRule rule) {
        String text = scalar("a number");
        if (text == null) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(this, text, "must be a number");
            return Double.NaN;
        }
        if (!Double.isFinite(v)) {
            problems.add(this, text, "must be a finite number");
            return Double.NaN;
        }
        if (!rule.test().test(v)) {
            problems.add(this, text, rule.text());
            return Double.NaN;
        }
        return v;
    }

    /** A whole number satisfying the rule, or {@code Long.MIN_VALUE} after reporting a problem. */
    public long asLong(NumberRule rule) {
        String text = scalar("a whole number");
        if (text == null) {
            return Long.MIN_VALUE;
        }
        long v;
        try {
            v = Long.parseLong(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(this, text, "must be a whole number");
            return Long.MIN_VALUE;
        }
        if (!rule.test().test(v)) {
            problems.add(this, text, rule.text());
            return Long.MIN_VALUE;
        }
        return v;
    }

    /** A non-blank string, or {@code null} after reporting a problem. */
    public String asText() {
        String text = scalar("a text value");
        if (text != null && text.isBlank()) {
            problems.add(this, "\"\"", "must not be empty");
            return null;
        }
        return text;
    }

    private String scalar(String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node == null) {
            problems.add(this, null, "is required (" + what + ")");
        } else {
            problems.add(this, raw(), "must be " + what);
        }
        return null;
    }

    /** Reports a rule this node's value breaks, found by a check across several fields. */
    public void report(String rule) {
        problems.add(this, raw(), rule);
    }
}
