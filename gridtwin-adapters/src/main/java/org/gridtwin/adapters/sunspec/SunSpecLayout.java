package org.gridtwin.adapters.sunspec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.gridtwin.adapters.modbus.ModbusConnection;
import org.gridtwin.ems.device.DeviceException;

/**
 * Where a SunSpec device keeps its models: found by looking for {@code SunS} at 40000, 50000 and 0 (in that
 * order, as SunSpec's device discovery says) and walking the chain of (ID, L) headers to the end marker. A model
 * GridTwin knows whose L differs from its definition is an error naming both: its points cannot be trusted.
 *
 * @param base   the register holding {@code SunS}
 * @param models model id → address of its ID register (the first instance of a repeated model)
 * @param chain  every model id in the order the device lists them
 */
public record SunSpecLayout(int base, Map<Integer, Integer> models, List<Integer> chain) {
    /** The base addresses searched, in order. */
    public static final int[] BASES = {40000, 50000, 0};
    /** Models a chain may hold at most before it is taken as broken (a chain without its end marker). */
    static final int MAX_MODELS = 64;

    public boolean has(int id) {
        return models.containsKey(id);
    }

    /** The first of {@code ids} the device has, or -1. */
    public int first(int... ids) {
        for (int id : ids) {
            if (models.containsKey(id)) {
                return id;
            }
        }
        return -1;
    }

    public static CompletionStage<SunSpecLayout> discover(ModbusConnection c, int unit) {
        return tryBase(c, unit, 0);
    }

    private static CompletionStage<SunSpecLayout> tryBase(ModbusConnection c, int unit, int i) {
        if (i == BASES.length) {
            return CompletableFuture.failedFuture(new DeviceException(c.endpoint() + " unit " + unit
                    + ": no SunS marker at 40000, 50000 or 0: not a SunSpec device (use a register map)"));
        }
        int base = BASES[i];
        return c.readHolding(unit, base, 2).handle((r, e) -> {
            if (e != null && !ModbusConnection.isExceptionResponse(e)) {
                // no answer at all is not "no SunSpec here": the discovery fails with the reason
                throw e instanceof java.util.concurrent.CompletionException ce ? ce
                        : new java.util.concurrent.CompletionException(e);
            }
            return r;
        }).thenCompose(r -> {
            if (r == null || r[0] != SunSpecImage.SUNS_HI || r[1] != SunSpecImage.SUNS_LO) {
                return tryBase(c, unit, i + 1);
            }
            return walk(c, unit, base, base + 2, new LinkedHashMap<>(), new ArrayList<>());
        });
    }

    private static CompletionStage<SunSpecLayout> walk(ModbusConnection c, int unit, int base, int at,
            Map<Integer, Integer> models, List<Integer> chain) {
        if (chain.size() > MAX_MODELS) {
            return CompletableFuture.failedFuture(new DeviceException(c.endpoint() + " unit " + unit + ": more than "
                    + MAX_MODELS + " models from " + base + " without the end marker"));
        }
        return c.readHolding(unit, at, 2).thenCompose(h -> {
            int id = h[0];
            int length = h[1];
            if (id == SunSpecImage.END) {
                return CompletableFuture.completedFuture(new SunSpecLayout(base, Map.copyOf(models),
                        List.copyOf(chain)));
            }
            java.util.Optional<SunSpecModel> known = SunSpecModels.find(id);
            if (known.isPresent() && known.get().length() != length) {
                return CompletableFuture.failedFuture(new DeviceException(c.endpoint() + " unit " + unit + ": model "
                        + id + " at " + at + " says L = " + length + ", its definition " + known.get().length()
                        + ": its points cannot be located"));
            }
            models.putIfAbsent(id, at);
            chain.add(id);
            return walk(c, unit, base, at + 2 + length, models, chain);
        });
    }
}
