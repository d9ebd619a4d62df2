package org.gridtwin.testkit;

import java.util.function.LongSupplier;

/** A stopwatch source for injected timing: every reading advances by a fixed amount, so tests never sleep. */
public final class FakeNanoTimer implements LongSupplier {
    private final long tickNanos;
    private long now;

    public FakeNanoTimer(long tickNanos) {
        this.tickNanos = tickNanos;
    }

    @Override
    public long getAsLong() {
        long t = now;
        now += tickNanos;
        return t;
    }
}
