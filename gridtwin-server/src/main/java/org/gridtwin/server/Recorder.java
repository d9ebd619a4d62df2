package org.gridtwin.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.gridtwin.store.Sample;
import org.gridtwin.store.StoreException;
import org.gridtwin.store.TelemetryStore;

/**
 * Moves telemetry from the control thread to the store without making the control cycle wait on disk: the loop
 * queues samples and checkpoints (counters), a writer thread drains the queue in order. A checkpoint is written
 * only after the samples queued before it, so the stored counters never count a sample the store does not hold.
 * A failing write keeps its samples for the next attempt (and counts the failure).
 */
public final class Recorder {
    /** The counters of every site at one instant, to be stored after the samples before it. */
    record Checkpoint(Map<String, Map<String, Double>> countersBySite) {
    }

    private final TelemetryStore store;
    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final List<Sample> pending = new ArrayList<>();
    private Checkpoint held;

    public Recorder(TelemetryStore store, Metrics metrics, LongSupplier nanoTime) {
        this.store = store;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    void sample(Sample s) {
        queue.add(s);
    }

    void checkpoint(Checkpoint c) {
        queue.add(c);
    }

    /** Writes everything queued so far; called by the writer thread, and once more at shutdown. */
    public synchronized void flush() {
        if (held != null && !store(held)) {
            return;
        }
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Sample s) {
                pending.add(s);
            } else if (item instanceof Checkpoint c && !store(c)) {
                return;
            }
        }
        writePending();
    }

    /** Stores the samples before a checkpoint, then the checkpoint; holds it when the samples fail. */
    private boolean store(Checkpoint c) {
        if (!writePending()) {
            held = c; // counters that include unstored samples must wait for them
            return false;
        }
        try {
            c.countersBySite().forEach(store::putCounters);
        } catch (StoreException e) {
            metrics.storeErrors.inc();
            held = c;
            return false;
        }
        held = null;
        return true;
    }

    private boolean writePending() {
        metrics.storePending.set(pending.size());
        if (pending.isEmpty()) {
            return true;
        }
        long t0 = nanoTime.getAsLong();
        try {
            store.append(pending);
        } catch (StoreException e) {
            metrics.storeErrors.inc();
            return false;
        }
        metrics.storeWriteSeconds.observe((nanoTime.getAsLong() - t0) / 1e9);
        metrics.samplesWritten.inc(pending.size());
        pending.clear();
        metrics.storePending.set(0);
        return true;
    }
}
