package org.gridtwin.server;

import java.util.Arrays;

/**
 * Wall times of the latest control cycles (a ring of {@value #KEPT}), for the health document and benchmarks. The
 * control thread records; any thread summarises.
 */
public final class CycleTimes {
    /** Cycles kept: over two hours of 1-second cycles. */
    static final int KEPT = 8192;

    private final long[] nanos = new long[KEPT];
    private long recorded;

    /** Median, 99th percentile and maximum of some cycles, ms; zeros when there were none. */
    public record Summary(long cycles, double medianMs, double p99Ms, double maxMs) {
    }

    synchronized void record(long cycleNanos) {
        nanos[(int) (recorded++ % KEPT)] = cycleNanos;
    }

    /** Cycles recorded so far: a mark for {@link #since}. */
    public synchronized long recorded() {
        return recorded;
    }

    /** The latest cycles (up to {@value #KEPT}). */
    public Summary latest() {
        return since(0);
    }

    /** The cycles recorded after {@code mark} (a value of {@link #recorded()}), as far as the ring still holds them. */
    public Summary since(long mark) {
        long[] copy;
        synchronized (this) {
            long first = Math.max(mark, recorded - KEPT);
            int n = (int) Math.max(0, recorded - first);
            copy = new long[n];
            for (int i = 0; i < n; i++) {
                copy[i] = nanos[(int) ((first + i) % KEPT)];
            }
        }
        if (copy.length == 0) {
            return new Summary(0, 0, 0, 0);
        }
        Arrays.sort(copy);
        int p99 = (int) Math.min(copy.length - 1, Math.floor(copy.length * 0.99));
        return new Summary(copy.length, copy[copy.length / 2] / 1e6, copy[p99] / 1e6, copy[copy.length - 1] / 1e6);
    }
}
