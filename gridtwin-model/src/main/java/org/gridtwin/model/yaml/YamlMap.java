package org.gridtwin.model.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read key by key. Every key read is remembered; {@link #close()} reports the keys nobody read as
 * unknown, with a "did you mean" hint, so a typo such as {@code capacity_kwh} never silently becomes a default.
 */
public final class YamlMap {
    private final YamlNode self;
    private final Map<String, YamlNode> values = new LinkedHashMap<>();
    private final Map<String, YamlNode> keys = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    YamlMap(YamlNode self, MappingNode node) {
        this.self = self;
        if (node != null) {
            for (NodeTuple t : node.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode s)) {
                    YamlNode k = YamlNode.of(t.getKeyNode(), self.path(), self.problems());
                    k.report("is a key that is not plain text; keys are names such as energy_kwh");
                    continue;
                }
                String key = s.getValue();
                String childPath = self.path().equals("(document)") ? key : self.path() + "." + key;
                YamlNode keyNode = YamlNode.of(t.getKeyNode(), childPath, self.problems());
                YamlNode first = keys.get(key);
                if (first != null) {
                    // YAML forbids it and a silent "last one wins" hides which value was meant
                    self.problems().add(keyNode.line(), keyNode.column(), childPath, null, "is given twice: here "
                            + "and at line " + first.line() + ", column " + first.column() + "; keep one");
                    continue;
                }
                values.put(key, YamlNode.of(t.getValueNode(), childPath, self.problems()));
                keys.put(key, keyNode);
            }
        }
    }

    public YamlNode node() {
        return self;
    }

    /** The keys in file order (for maps whose keys are data, e.g. sensitivity paths). */
    public java.util.List<String> keys() {
        return java.util.List.copyOf(values.keySet());
    }

    /** Where a key is written (for problems about the key itself, such as an unknown id); null when absent. */
    public YamlNode keyNode(String key) {
        return keys.get(key);
    }

    public boolean has(String key) {
        known.add(key);
        return values.containsKey(key);
    }

    /** The value of a key, or a missing node located at this mapping that reports "is required" when read. */
    public YamlNode get(String key) {
        known.add(key);
        YamlNode v = values.get(key);
        if (v != null) {
            return v;
        }
        String childPath = self.path().equals("(document)") ? key : self.path() + "." + key;
        return YamlNode.missing(self.problems(), childPath, self.line(), self.column());
    }

    /** The scalar text of a key without reading it: no problem reported, the key not marked as known. */
    public String peekText(String key) {
        YamlNode v = values.get(key);
        return v == null ? null : v.isScalar() ? v.raw() : null;
    }

    public double number(String key, NumberRule rule) {
        return get(key).asDouble(rule);
    }

    public double number(String key, NumberRule rule, double defaultValue) {
        return has(key) ? get(key).asDouble(rule) : defaultValue;
    }

    public long integer(String key, NumberRule rule) {
        return get(key).asLong(rule);
    }

    public long integer(String key, NumberRule rule, long defaultValue) {
        return has(key) ? get(key).asLong(rule) : defaultValue;
    }

    public String text(String key) {
        return get(key).asText();
    }

    /** Ids name things in file columns, URLs and file names: letters, digits, '.', '_' and '-', up to 64. */
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The mapping's {@code id}: required, a plain name ({@link #ID}); null after a reported problem. */
    public String id() {
        String id = text("id");
        if (id != null && !ID.matcher(id).matches()) {
            get("id").report("must be a plain name: letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit, at most 64 (put other text in 'name')");
            return null;
        }
        return id;
    }

    public String text(String key, String defaultValue) {
        return has(key) ? get(key).asText() : defaultValue;
    }

    /** An enum written by its key, e.g. {@code perez}; the default when absent, null after a reported problem. */
    public <E extends Enum<E> & org.gridtwin.model.KeyedEnum> E choice(String key, Class<E> type, E defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        YamlNode n = get(key);
        String text = n.asText();
        if (text == null) {
            return null;
        }
        E value = org.gridtwin.model.KeyedEnum.fromKey(type, text.strip());
        if (value == null) {
            List<String> keys = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                keys.add(e.key());
            }
            n.report("is not one of " + String.join(", ", keys)
                    + org.gridtwin.model.DidYouMeanHint.hint(text.strip(), keys));
        }
        return value;
    }

    /** true or false. */
    public boolean flag(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        YamlNode n = get(key);
        String text = n.asText();
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        if (text != null) {
            n.report("must be true or false");
        }
        return defaultValue;
    }

    /** A list of numbers, optionally of an exact length (0 = any length, but not empty). */
    public List<Double> numbers(String key, int expectedSize, NumberRule rule) {
        YamlNode n = get(key);
        if (n.isMissing()) {
            n.report("is required (" + (expectedSize > 0 ? expectedSize + " numbers" : "a list of numbers") + ")");
            return List.of();
        }
        List<YamlNode> items = n.asList();
        if (!n.isMissing() && expectedSize > 0 && items.size() != expectedSize) {
            n.report("must have exactly " + expectedSize + " values, found " + items.size());
        } else if (!n.isMissing() && items.isEmpty() && n.raw() != null && n.raw().equals("[list]")) {
            n.report("must not be empty");
        }
        List<Double> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            out.add(item.asDouble(rule));
        }
        return List.copyOf(out);
    }

    /** Reports every key that was never read, suggesting the closest known key. */
    public void close() {
        for (Map.Entry<String, YamlNode> e : keys.entrySet()) {
            if (!known.contains(e.getKey())) {
                String hint = org.gridtwin.model.DidYouMeanHint.closest(e.getKey(), known);
                String rule = "is not a known key" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                        + " (known keys: " + String.join(", ", known) + ")";
                self.problems().add(e.getValue().line(), e.getValue().column(), e.getValue().path(), null, rule);
            }
        }
    }
}
