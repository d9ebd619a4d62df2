package org.gridtwin.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.gridtwin.store.LoggedEvent;
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
    private final ConcurrentLinkedQueue<LoggedEvent> events = new ConcurrentLinkedQueue<>();
    private final List<LoggedEvent> eventBacklog = new ArrayList<>();
    /** Items taken from the queue but not yet stored, in queue order. */
    private final List<Object> backlog = new ArrayList<>();

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

    void event(LoggedEvent e) {
        events.add(e);
    }

    /**
     * Writes everything queued so far in at most two appends and one counters update: the samples up to the last
     * checkpoint, that checkpoint (earlier ones are superseded), then the samples after it. Called by the writer
     * thread once a second, and once more at shutdown.
     */
    public synchronized void flush() {
        flushEvents();
        Object item;
        while ((item = queue.poll()) != null) {
            backlog.add(item);
        }
        int last = -1;
        for (int i = backlog.size() - 1; i >= 0 && last < 0; i--) {
            if (backlog.get(i) instanceof Checkpoint) {
                last = i;
            }
        }
        if (last >= 0) {
            if (!append(samples(0, last))) {
                return;
            }
            Checkpoint c = (Checkpoint) backlog.get(last);
            backlog.subList(0, last).clear();
            try {
                c.countersBySite().forEach(store::putCounters);
            } catch (StoreException e) {
                metrics.storeErrors.inc();
                return; // the checkpoint stays first in the backlog: retried before anything after it
            }
            backlog.remove(0);
        }
        if (append(samples(0, backlog.size()))) {
            backlog.clear();
        }
        metrics.storePending.set(backlog.size());
    }

    /** Events are independent of samples and counters: written in their own transaction, kept when it fails. */
    private void flushEvents() {
        LoggedEvent e;
        while ((e = events.poll()) != null) {
            eventBacklog.add(e);
        }
        if (eventBacklog.isEmpty()) {
            return;
        }
        try {
            store.appendEvents(eventBacklog);
            eventBacklog.clear();
        } catch (StoreException x) {
            metrics.storeErrors.inc();
        }
    }

    private List<Sample> samples(int from, int to) {
        List<Sample> out = new ArrayList<>(to - from);
        for (Object o : backlog.subList(from, to)) {
            if (o instanceof Sample s) {
                out.add(s);
            }
        }
        return out;
    }

    /** One atomic append; false (and counted) when the store refuses it, the samples staying in the backlog. */
    private boolean append(List<Sample> samples) {
        if (samples.isEmpty()) {
            return true;
        }
        long t0 = nanoTime.getAsLong();
        try {
            store.append(samples);
        } catch (StoreException e) {
            metrics.storeErrors.inc();
            metrics.storePending.set(backlog.size());
            return false;
        }
        metrics.storeWriteSeconds.observe((nanoTime.getAsLong() - t0) / 1e9);
        metrics.samplesWritten.inc(samples.size());
        return true;
    }
}
