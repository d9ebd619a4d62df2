package org.gridtwin.model.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Reads and replaces one numeric input of scenario text by its path, for sensitivity cases. A path is keys joined
 * by dots; a list element is picked by index or by its {@code id}: {@code economics.wind_yuan_per_kw},
 * {@code sites[chuanshan-port].grid.feed_in_yuan_per_kwh}, {@code tariffs[zhejiang-ci-2024].periods[0].yuan_per_kwh}.
 *
 * <p>The patched text is a fresh YAML dump (comments and layout are not kept): it is read again by
 * {@link ScenarioReader}, so every rule of a scenario applies to a varied value too.
 */
public final class ScenarioPatch {
    private ScenarioPatch() {
    }

    /** The number at {@code path}, or a description of why there is none (a String). */
    public static Object get(String text, String path) {
        Object root = load(text);
        Object[] parent = parentOf(root, path, false);
        if (parent[0] == null) {
            return parent[1];
        }
        Object v = ((Map<?, ?>) parent[0]).get(parent[1]);
        if (v == null) {
            return "is not set in the scenario (set it to its base value there first)";
        }
        if (!(v instanceof Number n)) {
            return "is not a number (" + v + ")";
        }
        return n.doubleValue();
    }

    /**
     * The text with the number at {@code path} replaced or added: missing maps on the way are created (so an
     * {@code economics} block can be varied from its defaults); lists and their elements must exist.
     */
    @SuppressWarnings("unchecked")
    public static String set(String text, String path, double value) {
        Object root = load(text);
        Object[] parent = parentOf(root, path, true);
        if (parent[1] instanceof String key && parent[0] instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(key, value == Math.rint(value) && Math.abs(value) < 1e15
                    ? (Object) (long) value : (Object) value);
            return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
                    .dumpToString(root);
        }
        throw new IllegalArgumentException(path + ": " + parent[1]);
    }

    private static Object load(String text) {
        return new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    /**
     * {parent map, last key} or {null, reason} when the path does not lead to a map entry.
     *
     * @param create add a missing map for a plain key on the way
     */
    @SuppressWarnings("unchecked")
    private static Object[] parentOf(Object root, String path, boolean create) {
        String[] parts = path.split("\\.");
        Object node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String key = part;
            List<String> selectors = new ArrayList<>();
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                String rest = part.substring(bracket);
                while (rest.startsWith("[") && rest.indexOf(']') > 0) {
                    selectors.add(rest.substring(1, rest.indexOf(']')));
                    rest = rest.substring(rest.indexOf(']') + 1);
                }
                if (!rest.isEmpty()) {
                    return new Object[] {null, "is not a path (write key, key[index] or key[id])"};
                }
            }
            if (!(node instanceof Map<?, ?> map)) {
                return new Object[] {null, "has no key '" + key + "' (not a map there)"};
            }
            if (i == parts.length - 1 && selectors.isEmpty()) {
                return new Object[] {map, key};
            }
            if (!map.containsKey(key)) {
                if (!create || !selectors.isEmpty()) {
                    return new Object[] {null, "has no key '" + key + "'"};
                }
                ((Map<String, Object>) map).put(key, new java.util.LinkedHashMap<String, Object>());
            }
            node = map.get(key);
            for (String sel : selectors) {
                if (!(node instanceof List<?> list)) {
                    return new Object[] {null, "'" + key + "' is not a list"};
                }
                node = pick(list, sel);
                if (node == null) {
                    return new Object[] {null, "'" + key + "' has no element [" + sel + "]"};
                }
            }
            if (i == parts.length - 1) {
                return new Object[] {null, "ends at a list element, not a number"};
            }
        }
        return new Object[] {null, "is empty"};
    }

    private static Object pick(List<?> list, String selector) {
        if (selector.matches("[0-9]+")) {
            int k = Integer.parseInt(selector);
            return k < list.size() ? list.get(k) : null;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && selector.equals(String.valueOf(m.get("id")))) {
                return o;
            }
        }
        return null;
    }
}
