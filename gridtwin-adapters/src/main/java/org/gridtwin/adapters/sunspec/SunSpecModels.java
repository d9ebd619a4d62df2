package org.gridtwin.adapters.sunspec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.ObjectMapper;

/**
 * The SunSpec model definitions shipped in the jar (SunSpec's model JSON, Apache-2.0, licence beside them), read
 * once each.
 */
public final class SunSpecModels {
    /** The models shipped: what a GridTwin device map reads or writes. */
    public static final java.util.List<Integer> SHIPPED = java.util.List.of(1, 101, 102, 103, 120, 121, 123, 124,
            201, 202, 203, 204, 701, 704, 802);
    private static final Map<Integer, SunSpecModel> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SunSpecModels() {
    }

    /** The definition of model {@code id}, or empty when it is not shipped. */
    public static Optional<SunSpecModel> find(int id) {
        if (!SHIPPED.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(CACHE.computeIfAbsent(id, SunSpecModels::load));
    }

    /** The definition of model {@code id}; a model that is not shipped is a programming error. */
    public static SunSpecModel get(int id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("SunSpec model " + id + " is not shipped "
                + "(shipped: " + SHIPPED + ")"));
    }

    private static SunSpecModel load(int id) {
        String resource = "models/model_" + id + ".json";
        try (InputStream in = SunSpecModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource);
            }
            return SunSpecModel.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
