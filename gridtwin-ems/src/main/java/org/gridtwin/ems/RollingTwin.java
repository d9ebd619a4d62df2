package org.gridtwin.ems;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Twin devices without an end: a live server runs for months, but a twin's series cover a window (a week, say).
 * When a cycle falls after the current window, the next window takes over and the battery's state of charge is
 * carried into it, so the battery never jumps. With a builder executor the next window is built in the background
 * while the current one runs, so the change costs a cycle nothing.
 */
public final class RollingTwin implements SiteDevices {
    private final Function<Instant, TwinSite> windowAt;
    private final Executor builder;
    private TwinSite current;
    private CompletableFuture<TwinSite> next;
    private double pendingSoc = Double.NaN;
    private int windowsBuilt;
    /** An islanding drill in force, carried into each new window like the state of charge. */
    private volatile boolean drill;

    /**
     * @param windowAt builds twin devices whose period contains the given instant (and starts at or before it)
     */
    public RollingTwin(Function<Instant, TwinSite> windowAt) {
        this(windowAt, null);
    }

    /**
     * @param builder where the next window is built ahead of time; null to build it when it is needed
     */
    public RollingTwin(Function<Instant, TwinSite> windowAt, Executor builder) {
        this.windowAt = windowAt;
        this.builder = builder;
    }

    /** Builds the window for the first cycle now (and the one after it in the background), not in a cycle. */
    public void prepare(Instant first) {
        if (current == null || !covers(current, first)) {
            switchTo(first);
        }
    }

    @Override
    public void read(Instant now, double hours, Measurements into) {
        prepare(now);
        current.read(now, hours, into);
    }

    private void switchTo(Instant now) {
        TwinSite previous = current;
        double soc = current != null ? current.soc() : pendingSoc;
        TwinSite ahead = null;
        if (next != null) {
            try {
                ahead = next.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                ahead = null; // built again below, where a failure reaches the control loop
            }
        }
        current = ahead != null && covers(ahead, now) ? ahead : windowAt.apply(now);
        windowsBuilt++;
        if (!covers(current, now)) {
            throw new IllegalStateException("the twin window built for " + now + " covers " + current.grid().start()
                    + " .. " + current.grid().end() + " only");
        }
        current.restoreSoc(soc);
        current.simulateGridOutage(drill);
        if (previous != null) {
            current.continueIslandFrom(previous); // an outage goes on across the windows' seam
        }
        Instant end = current.grid().end();
        next = builder == null ? null : CompletableFuture.supplyAsync(() -> windowAt.apply(end), builder);
    }

    private static boolean covers(TwinSite twin, Instant now) {
        return !now.isBefore(twin.grid().start()) && now.isBefore(twin.grid().end());
    }

    @Override
    public void write(org.gridtwin.dispatch.Setpoints applied) {
        current.write(applied);
    }

    @Override
    public Flows flows() {
        return current.flows();
    }

    @Override
    public IslandStatus island() {
        return current == null ? IslandStatus.CONNECTED : current.island();
    }

    @Override
    public boolean simulateGridOutage(boolean down) {
        drill = down;
        TwinSite c = current;
        if (c != null) {
            c.simulateGridOutage(down);
        }
        return true;
    }

    /** Puts the battery at a state of charge before the first cycle, e.g. the one stored before a restart. */
    public void restoreSoc(double fraction) {
        if (current != null) {
            current.restoreSoc(fraction);
        } else {
            pendingSoc = fraction;
        }
    }

    /** How many windows have been switched to so far. */
    public int windowsBuilt() {
        return windowsBuilt;
    }
}
