package org.gridtwin.ems;

import java.time.Instant;
import java.util.function.Function;

/**
 * Twin devices without an end: a live server runs for months, but a twin's series cover a window (a week, say).
 * When a cycle falls after the current window, the next window is built and the battery's state of charge is
 * carried into it, so the battery never jumps.
 */
public final class RollingTwin implements SiteDevices {
    private final Function<Instant, TwinSite> windowAt;
    private TwinSite current;
    private double pendingSoc = Double.NaN;
    private int windowsBuilt;

    /**
     * @param windowAt builds twin devices whose period contains the given instant (and starts at or before it)
     */
    public RollingTwin(Function<Instant, TwinSite> windowAt) {
        this.windowAt = windowAt;
    }

    @Override
    public void read(Instant now, double hours, Measurements into) {
        if (current == null || !covers(current, now)) {
            double soc = current != null ? current.soc() : pendingSoc;
            current = windowAt.apply(now);
            windowsBuilt++;
            if (!covers(current, now)) {
                throw new IllegalStateException("the twin window built for " + now + " covers " + current.grid().start()
                        + " .. " + current.grid().end() + " only");
            }
            current.restoreSoc(soc);
        }
        current.read(now, hours, into);
    }

    private static boolean covers(TwinSite twin, Instant now) {
        return !now.isBefore(twin.grid().start()) && now.isBefore(twin.grid().end());
    }

    @Override
    public void write(double batteryKw) {
        current.write(batteryKw);
    }

    @Override
    public Flows flows() {
        return current.flows();
    }

    /** Puts the battery at a state of charge before the first cycle, e.g. the one stored before a restart. */
    public void restoreSoc(double fraction) {
        if (current != null) {
            current.restoreSoc(fraction);
        } else {
            pendingSoc = fraction;
        }
    }

    /** How many windows have been built so far. */
    public int windowsBuilt() {
        return windowsBuilt;
    }
}
