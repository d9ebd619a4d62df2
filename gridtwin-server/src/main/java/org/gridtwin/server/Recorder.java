package org.gridtwin.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.gridtwin.ems.Event;
import org.gridtwin.store.LoggedEvent;
import org.gridtwin.store.Sample;
import org.gridtwin.store.StoreException;
import org.gridtwin.store.TelemetryStore;

/**
 * Moves telemetry from the control thread to the store without making the control cycle wait on disk: the loop
 * queues samples and checkpoints (counters), a writer thread drains the queue once a second.
 *
 * <p>Every write is the samples up to the latest checkpoint together with that checkpoint's counters, in one store
 * transaction; samples queued after it wait for the next one. So the stored counters always count exactly the
 * stored samples — after a clean stop, a failed write or a {@code kill -9} alike — and a restart resumes at the
 * checkpoint's clock. A failed write keeps everything for the next attempt; the store skips samples it holds
 * already, so a retry never counts twice.
 *
 * <p>While the store refuses writes (a full disk) the backlog is bounded: beyond {@code maxPending} samples, the
 * waiting samples of each site are merged pairwise, keeping their energy exactly and halving their resolution, and
 * superseded checkpoints are dropped. The first failure raises a STORE alarm, recovery another; {@link #health}
 * says what is wrong for {@code /api/health}.
 */
public final class Recorder {
    /** Samples waiting at most before they are merged: ~18 h of three sites at 1-s cycles (~20 MB). */
    static final int MAX_PENDING = 200_000;

    /** The counters of every site at one instant, to be stored with the samples before it. */
    record Checkpoint(Map<String, Map<String, Double>> countersBySite) {
    }

    /**
     * What the writer can say of itself.
     *
     * @param failingSince   when the store first refused the current run of writes, or null when it writes
     * @param reason         the store's last refusal, or null
     * @param pendingSamples samples waiting to be written
     * @param longestSampleSeconds the longest waiting sample: above the cycle once samples were merged
     */
    record Health(Instant failingSince, String reason, int pendingSamples, double longestSampleSeconds) {
        boolean ok() {
            return failingSince == null;
        }
    }

    private final TelemetryStore store;
    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final Consumer<Event> alarms;
    private final int maxPending;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<LoggedEvent> events = new ConcurrentLinkedQueue<>();
    private final List<LoggedEvent> eventBacklog = new ArrayList<>();
    /** Items taken from the queue but not yet stored, in queue order. */
    private final List<Object> backlog = new ArrayList<>();
    private volatile Health health = new Health(null, null, 0, 0);
    /** Successful writes so far: whatever a reader derived from the store is current until this changes. */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    /** Site time of the latest sample queued: the time store alarms are stamped with. */
    private volatile Instant lastSampleTime = Instant.EPOCH;

    /**
     * @param alarms where STORE events go (the fleet's event sink); they are stored like any other event
     */
    public Recorder(TelemetryStore store, Metrics metrics, LongSupplier nanoTime, Consumer<Event> alarms,
            int maxPending) {
        this.store = store;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.alarms = alarms;
        this.maxPending = maxPending;
    }

    void sample(Sample s) {
        lastSampleTime = s.time();
        queue.add(s);
    }

    void checkpoint(Checkpoint c) {
        queue.add(c);
    }

    void event(LoggedEvent e) {
        events.add(e);
    }

    Health health() {
        return health;
    }

    /** How many writes have reached the store (samples change only with this). */
    long writes() {
        return writes.get();
    }

    /**
     * Writes the samples up to the latest checkpoint and its counters in one transaction. Called by the writer
     * thread once a second, and once more at shutdown (after a last checkpoint, so nothing stays behind).
     */
    public synchronized void flush() {
        flushEvents();
        Object item;
        while ((item = queue.poll()) != null) {
            backlog.add(item);
        }
        int last = lastCheckpoint();
        if (last >= 0) {
            List<Sample> samples = samples(0, last);
            Checkpoint c = (Checkpoint) backlog.get(last);
            long t0 = nanoTime.getAsLong();
            try {
                store.append(samples, c.countersBySite());
                metrics.storeWriteSeconds.observe((nanoTime.getAsLong() - t0) / 1e9);
                metrics.samplesWritten.inc(samples.size());
                backlog.subList(0, last + 1).clear();
                writes.incrementAndGet();
                recovered();
            } catch (StoreException e) {
                metrics.storeErrors.inc();
                failed(e);
                if (pending() > maxPending) {
                    merge(last);
                }
            }
        }
        int pending = pending();
        metrics.storePending.set(pending);
        Health h = health;
        health = new Health(h.failingSince(), h.reason(), pending, longestWaiting());
    }

    private void failed(StoreException e) {
        String reason = rootMessage(e);
        Health h = health;
        if (h.ok()) {
            Instant now = lastSampleTime;
            health = new Health(now, reason, h.pendingSamples(), h.longestSampleSeconds());
            alarms.accept(new Event(now, Event.FLEET, Event.Kind.STORE, "the store refuses writes (" + reason
                    + "); telemetry waits in memory and is written when the store accepts it again",
                    Map.of("state", "refused", "reason", reason)));
        } else {
            health = new Health(h.failingSince(), reason, h.pendingSamples(), h.longestSampleSeconds());
        }
    }

    private void recovered() {
        Health h = health;
        if (!h.ok()) {
            alarms.accept(new Event(lastSampleTime, Event.FLEET, Event.Kind.STORE, "the store writes again after "
                    + "refusing since " + h.failingSince() + "; everything that waited is stored",
                    Map.of("state", "recovered", "since", h.failingSince().toString())));
            health = new Health(null, null, h.pendingSamples(), h.longestSampleSeconds());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? e.getMessage() : t.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private int lastCheckpoint() {
        for (int i = backlog.size() - 1; i >= 0; i--) {
            if (backlog.get(i) instanceof Checkpoint) {
                return i;
            }
        }
        return -1;
    }

    private int pending() {
        int n = 0;
        for (Object o : backlog) {
            if (o instanceof Sample) {
                n++;
            }
        }
        return n;
    }

    private double longestWaiting() {
        double longest = 0;
        for (Object o : backlog) {
            if (o instanceof Sample s) {
                longest = Math.max(longest, s.seconds());
            }
        }
        return longest;
    }

    /**
     * Merges the samples before the checkpoint at {@code last} pairwise per site (their energy kept, their length
     * doubled) and drops the checkpoints it supersedes: the backlog before it roughly halves.
     */
    private void merge(int last) {
        List<Object> merged = new ArrayList<>(backlog.size() / 2 + 16);
        Map<String, Sample> open = new LinkedHashMap<>();
        int before = 0;
        for (Object o : backlog.subList(0, last)) {
            if (o instanceof Sample s) {
                before++;
                Sample first = open.remove(s.siteId());
                if (first == null) {
                    open.put(s.siteId(), s);
                } else {
                    merged.add(join(first, s));
                }
            }
        }
        merged.addAll(open.values());
        int after = merged.size();
        merged.add(backlog.get(last));
        merged.addAll(backlog.subList(last + 1, backlog.size()));
        backlog.clear();
        backlog.addAll(merged);
        metrics.samplesMerged.inc(before - after);
    }

    /** Two consecutive samples of a site as one: energy-weighted powers, the later state of charge. */
    static Sample join(Sample a, Sample b) {
        double s = a.seconds() + b.seconds();
        return new Sample(a.siteId(), a.time(), s, (a.windKw() * a.seconds() + b.windKw() * b.seconds()) / s,
                (a.pvKw() * a.seconds() + b.pvKw() * b.seconds()) / s,
                (a.loadKw() * a.seconds() + b.loadKw() * b.seconds()) / s,
                (a.batteryKw() * a.seconds() + b.batteryKw() * b.seconds()) / s,
                (a.gridKw() * a.seconds() + b.gridKw() * b.seconds()) / s,
                (a.unmetKw() * a.seconds() + b.unmetKw() * b.seconds()) / s, b.socFraction());
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
            // a chatty alarm while the disk is full must not grow without bound: keep the latest
            if (eventBacklog.size() > maxPending) {
                eventBacklog.subList(0, eventBacklog.size() - maxPending).clear();
            }
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
}
