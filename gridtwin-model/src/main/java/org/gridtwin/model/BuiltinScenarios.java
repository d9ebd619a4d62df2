package org.gridtwin.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gridtwin.model.yaml.ScenarioReader;

/** The scenarios shipped inside the jar, readable by name ({@code ningbo}) and copyable with {@code init}. */
public final class BuiltinScenarios {
    /** Name to one-line description, in display order. */
    private static final Map<String, String> INDEX = new LinkedHashMap<>();

    static {
        INDEX.put("ningbo", "Chuanshan port wind-PV-storage microgrid, Li'ao village rooftop PV, Meishan EV factory");
    }

    public static final String DEFAULT = "ningbo";

    private BuiltinScenarios() {
    }

    public static Map<String, String> list() {
        return Map.copyOf(INDEX);
    }

    public static Iterable<String> names() {
        return INDEX.keySet();
    }

    public static String description(String name) {
        return INDEX.get(name);
    }

    /** The YAML text of a built-in scenario, or empty when no built-in has that name. */
    public static Optional<String> text(String name) {
        if (!INDEX.containsKey(name)) {
            return Optional.empty();
        }
        try (InputStream in = BuiltinScenarios.class.getResourceAsStream("/org/gridtwin/scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario " + name + " is missing from the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a built-in scenario. */
    public static Optional<Scenario> load(String name) {
        return text(name).map(t -> ScenarioReader.read(t, name + ".yaml", null));
    }
}
