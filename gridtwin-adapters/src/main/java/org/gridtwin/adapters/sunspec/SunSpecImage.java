package org.gridtwin.adapters.sunspec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The holding registers of one SunSpec device as a server holds them: the marker {@code SunS} at the base address
 * (40000 by default), the models one after another, and the end marker ({@code 0xFFFF}, length 0). Reads and writes
 * are checked against the model chain: a read outside it, or a write to a register no writable point covers, is
 * refused, as a device answers with an ILLEGAL DATA ADDRESS exception.
 */
public final class SunSpecImage {
    /** "SunS" in two registers (SunSpec Information Model Specification, "Device discovery"). */
    public static final int SUNS_HI = 0x5375;
    public static final int SUNS_LO = 0x6E53;
    public static final int END = 0xFFFF;

    private final int base;
    private final Map<Integer, ModelBlock> byStart = new LinkedHashMap<>();
    private final Map<Integer, ModelBlock> byId = new LinkedHashMap<>();
    private final int end;
    private final Object lock;

    public SunSpecImage(int base, List<ModelBlock> models) {
        this(base, models, new Object());
    }

    /** @param lock what reads, writes and updates hold: shared by the units of one site, so none is seen torn */
    public SunSpecImage(int base, List<ModelBlock> models, Object lock) {
        this.base = base;
        this.lock = lock;
        int at = base + 2;
        for (ModelBlock b : models) {
            byStart.put(at, b);
            byId.putIfAbsent(b.model().id(), b);
            at += b.model().registers();
        }
        this.end = at;
    }

    public int base() {
        return base;
    }

    /** The block of model {@code id} (the first one when repeated). */
    public ModelBlock model(int id) {
        ModelBlock b = byId.get(id);
        if (b == null) {
            throw new IllegalArgumentException("the device has no model " + id + " (it has " + byId.keySet() + ")");
        }
        return b;
    }

    public boolean has(int id) {
        return byId.containsKey(id);
    }

    /** Registers {@code address .. address+count-1}; null when any lies outside the chain. */
    public int[] read(int address, int count) {
        synchronized (lock) {
            return readLocked(address, count);
        }
    }

    private int[] readLocked(int address, int count) {
        if (address < base || address + count > end + 2 || count < 1) {
            return null;
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = register(address + i);
        }
        return out;
    }

    private int register(int address) {
        if (address == base) {
            return SUNS_HI;
        }
        if (address == base + 1) {
            return SUNS_LO;
        }
        if (address == end) {
            return END;
        }
        if (address == end + 1) {
            return 0;
        }
        Map.Entry<Integer, ModelBlock> e = blockAt(address);
        if (e != null) {
            return e.getValue().registers()[address - e.getKey()];
        }
        throw new IllegalStateException("register " + address + " inside the chain belongs to no model");
    }

    /**
     * Writes registers; every one must belong to a writable point, or nothing is written.
     *
     * @return the models written to (their ids), or null when the write was refused
     */
    public List<Integer> write(int address, int[] values) {
        synchronized (lock) {
            return writeLocked(address, values);
        }
    }

    private List<Integer> writeLocked(int address, int[] values) {
        List<Integer> models = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Map.Entry<Integer, ModelBlock> e = blockAt(address + i);
            SunSpecPoint p = e == null ? null : e.getValue().model().pointAt(address + i - e.getKey());
            if (p == null || !p.writable()) {
                return null;
            }
            if (!models.contains(e.getValue().model().id())) {
                models.add(e.getValue().model().id());
            }
        }
        for (int i = 0; i < values.length; i++) {
            Map.Entry<Integer, ModelBlock> e = blockAt(address + i);
            e.getValue().registers()[address + i - e.getKey()] = values[i] & 0xFFFF;
        }
        return models;
    }

    /** The model whose registers hold {@code address} (with its start), or null outside every model. */
    private Map.Entry<Integer, ModelBlock> blockAt(int address) {
        for (Map.Entry<Integer, ModelBlock> e : byStart.entrySet()) {
            int off = address - e.getKey();
            if (off >= 0 && off < e.getValue().model().registers()) {
                return e;
            }
        }
        return null;
    }

    /** Runs {@code change} with the registers locked, so a reader never sees half of an update. */
    public void update(Runnable change) {
        synchronized (lock) {
            change.run();
        }
    }
}
