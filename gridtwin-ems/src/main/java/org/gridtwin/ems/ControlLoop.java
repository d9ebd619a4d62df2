package org.gridtwin.ems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives every live site once per control cycle. Cycle k runs at site time {@code siteStart + k x cycle}, whatever
 * the scheduler's jitter, so the loop never reads a clock for site time: {@link #start} paces cycle k at wall time
 * {@code anchor + k x cycle / speed} on the injected stopwatch (speed 1 = real time; a demo can replay a day in
 * minutes), and tests or replays call {@link #runCycle} with the time they choose, without any thread.
 *
 * <p>The anchor is the moment site time {@code siteStart} was read from the wall clock. Whatever passed between
 * then and the start (building the twins takes seconds) is caught up at once, and so is a stall (a long GC pause):
 * at 1x the site clock is the wall clock, not behind it by the start-up time.
 */
public final class ControlLoop implements AutoCloseable {
    private final List<LiveSite> sites;
    private final Duration cycle;
    private final double speed;
    /** Most cycles one tick runs to catch up. */
    static final int CATCH_UP = 10_000;
    private final Instant siteStart;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> task;
    private volatile long cyclesRun;
    private volatile RuntimeException failure;
    private final java.util.function.LongSupplier nanoTime;
    private volatile long lastCycleNanos;
    private volatile java.util.function.Consumer<Instant> afterCycle = t -> { };

    public ControlLoop(List<LiveSite> sites, Duration cycle, double speed, Instant siteStart) {
        this(sites, cycle, speed, siteStart, System::nanoTime);
    }

    /** As above, with the stopwatch that times each cycle ({@link #lastCycleNanos}). */
    public ControlLoop(List<LiveSite> sites, Duration cycle, double speed, Instant siteStart,
            java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        if (cycle.isNegative() || cycle.isZero()) {
            throw new IllegalArgumentException("control cycle must be positive, was " + cycle);
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        this.sites = List.copyOf(sites);
        this.cycle = cycle;
        this.speed = speed;
        this.siteStart = siteStart;
    }

    /** Runs one cycle of every site at site time {@code now}. */
    public void runCycle(Instant now) {
        double seconds = cycle.toNanos() / 1e9;
        long t0 = nanoTime.getAsLong();
        // every site's field devices are polled at once; each site then waits for its own answers only
        for (LiveSite s : sites) {
            s.request(now);
        }
        for (LiveSite s : sites) {
            s.cycle(now, seconds);
        }
        lastCycleNanos = nanoTime.getAsLong() - t0;
        cyclesRun++;
        afterCycle.accept(now);
    }

    /**
     * Called on the loop's thread after every cycle with the cycle's site time, e.g. to record the flows; set it
     * before {@link #start}. An exception from it stops the loop like a failing cycle.
     */
    public void afterCycle(java.util.function.Consumer<Instant> listener) {
        this.afterCycle = listener;
    }

    /** Site time of the next cycle {@link #start} would run. */
    public Instant nextCycleTime() {
        return siteStart.plus(cycle.multipliedBy(cyclesRun));
    }

    /** Wall time the last cycle took over every site (without the after-cycle listener), ns. */
    public long lastCycleNanos() {
        return lastCycleNanos;
    }

    public Duration cycle() {
        return cycle;
    }

    public double speed() {
        return speed;
    }

    /** Starts cycling now: site time {@code siteStart} is this moment. */
    public synchronized void start() {
        start(nanoTime.getAsLong());
    }

    /**
     * Starts cycling on a thread of its own: cycle k is due at {@code anchorNanos + k x cycle / speed} on the
     * stopwatch, and every cycle that is due runs, the missed ones at once (at most {@value #CATCH_UP} a tick, so
     * a huge gap does not hold the thread for long).
     *
     * @param anchorNanos the stopwatch reading when site time {@code siteStart} was the wall clock's time
     */
    public synchronized void start(long anchorNanos) {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gridtwin-control");
            t.setDaemon(true);
            return t;
        });
        double periodNanos = Math.max(1, cycle.toNanos() / speed);
        // ticks half a period after each cycle falls due, so a tick's jitter neither skips nor doubles a cycle
        long elapsed = nanoTime.getAsLong() - anchorNanos;
        long phase = (long) (elapsed - Math.floor(elapsed / periodNanos) * periodNanos);
        long delay = Math.floorMod((long) (periodNanos / 2) - phase, Math.max(1, (long) periodNanos));
        task = executor.scheduleAtFixedRate(() -> {
            try {
                long due = (long) Math.floor((nanoTime.getAsLong() - anchorNanos) / periodNanos) + 1;
                for (int n = 0; cyclesRun < due && n < CATCH_UP; n++) {
                    runCycle(nextCycleTime());
                }
            } catch (RuntimeException e) {
                failure = e; // kept for the operator; the loop stops rather than act on a broken state
                throw e;
            }
        }, delay, Math.max(1, (long) periodNanos), TimeUnit.NANOSECONDS);
    }

    /** Why the loop stopped by itself, if it did. */
    public java.util.Optional<RuntimeException> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public long cyclesRun() {
        return cyclesRun;
    }

    /** Waits until a closed loop has finished its last cycle (at most 10 s). */
    public void awaitStopped() {
        ScheduledExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e == null) {
            return;
        }
        try {
            e.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            task.cancel(false);
            executor.shutdown();
        }
    }
}
