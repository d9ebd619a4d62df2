package org.gridtwin.dispatch.rules;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;

/**
 * Keeps grid import at or below a cap: the battery discharges whatever net load exceeds the cap, and recharges
 * (from surplus first, then from the grid) only with the headroom below the cap, so recharging never sets a new
 * peak. With an unlimited cap it behaves like self-consumption without discharging.
 */
public final class PeakShaving implements DispatchStrategy {
    public static final String NAME = "peak-shaving";
    private final double importCapKw;

    public PeakShaving(double importCapKw) {
        if (!(importCapKw > 0)) {
            throw new IllegalArgumentException("peak shaving needs an import cap > 0 kW, got " + importCapKw);
        }
        this.importCapKw = importCapKw;
    }

    public double importCapKw() {
        return importCapKw;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState s, Setpoints out) {
        double net = s.netLoadKw();
        if (Double.isInfinite(importCapKw)) {
            out.batteryKw(Math.min(0, net));
        } else {
            // above the cap: discharge the excess; below it: charge with the headroom (negative setpoint)
            out.batteryKw(net - importCapKw);
        }
    }
}
