package org.gridtwin.model.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns YAML text into a node tree that is safe to walk, or problems at their marks. snakeyaml-engine's composer
 * recurses once per nesting level and its alias limit counts aliases, not what they expand to, so both limits here
 * are GridTwin's own:
 * <ul>
 *   <li>nesting deeper than {@value #MAX_DEPTH} levels is refused from the parser's events, before the composer
 *       recurses (a scenario nests about eight levels; thousands of {@code [} overflowed the stack);</li>
 *   <li>aliases are allowed freely (a fleet of hundreds of sites may share one {@code weather: &coast} block), but
 *       the document as its readers see it — every alias expanded — may hold at most {@value #MAX_EXPANDED_NODES}
 *       nodes, and an alias may not contain itself: this stops "billion laughs" bombs whatever their shape.</li>
 * </ul>
 */
final class YamlComposer {
    static final int MAX_DEPTH = 64;
    static final long MAX_EXPANDED_NODES = 2_000_000;
    /** The composer's own count of aliases to collections, set far above any real fleet; the size check guards. */
    static final int MAX_ALIASES = 100_000;

    private YamlComposer() {
    }

    static Optional<Node> compose(String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(problems.file()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES).build();
        try {
            if (!withinDepth(settings, text, problems)) {
                return Optional.empty();
            }
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                problems.add(1, 1, "(document)", null, "must not be empty");
                return Optional.empty();
            }
            return withinSize(root.get(), problems) ? root : Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(null);
            problems.add(line(mark), column(mark), "(document)", null, "is not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.add(0, 0, "(document)", null, "is not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean withinDepth(LoadSettings settings, String text, Problems problems) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int depth = 0;
        while (parser.hasNext()) {
            Event e = parser.next();
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        Mark m = e.getStartMark().orElse(null);
                        problems.add(line(m), column(m), "(document)", null, "nests deeper than " + MAX_DEPTH
                                + " levels of lists and mappings; a scenario needs fewer than ten");
                        return false;
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> {
                }
            }
        }
        return true;
    }

    /**
     * Counts the nodes of the expanded document without expanding it: each distinct node once, its size the sum of
     * its children's (a node reached through several aliases is shared), iteratively so that chains of aliases
     * cannot overflow the stack either.
     */
    private static boolean withinSize(Node root, Problems problems) {
        Map<Node, Long> size = new IdentityHashMap<>();
        Map<Node, Boolean> open = new IdentityHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (size.containsKey(n)) {
                stack.pop();
                continue;
            }
            List<Node> children = children(n);
            if (open.put(n, Boolean.TRUE) == null) {
                for (Node c : children) {
                    if (open.containsKey(c) && !size.containsKey(c)) {
                        Mark m = c.getStartMark().orElse(null);
                        problems.add(line(m), column(m), "(document)", null,
                                "refers to itself through an alias; the document would be infinite");
                        return false;
                    }
                    if (!size.containsKey(c)) {
                        stack.push(c);
                    }
                }
                continue;
            }
            long total = 1;
            for (Node c : children) {
                total = Math.min(total + size.get(c), MAX_EXPANDED_NODES + 1);
            }
            if (total > MAX_EXPANDED_NODES) {
                Mark m = n.getStartMark().orElse(null);
                problems.add(line(m), column(m), "(document)", null, "expands through its aliases to more than "
                        + MAX_EXPANDED_NODES + " values; share blocks with fewer, smaller aliases");
                return false;
            }
            size.put(n, total);
            stack.pop();
        }
        return true;
    }

    private static List<Node> children(Node n) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        if (n instanceof MappingNode m) {
            List<Node> out = new ArrayList<>(m.getValue().size() * 2);
            for (NodeTuple t : m.getValue()) {
                out.add(t.getKeyNode());
                out.add(t.getValueNode());
            }
            return out;
        }
        return List.of();
    }

    static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    static int column(Mark mark) {
        return mark == null ? 0 : mark.getColumn() + 1;
    }
}
