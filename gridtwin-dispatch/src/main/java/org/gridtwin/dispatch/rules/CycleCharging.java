package org.gridtwin.dispatch.rules;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;

/**
 * Cycle charging, after HOMER's strategy of the same name with the grid in the generator's place: the battery
 * follows the load until it reaches its minimum state of charge; then the grid recharges it at full power until
 * the set point is reached (the last charging step may pass it), and load following resumes. Deep, full cycles instead of many shallow ones.
 * Stateful: one instance per site.
 */
public final class CycleCharging implements DispatchStrategy {
    public static final String NAME = "cycle-charging";
    /** SoC within this of the minimum counts as empty (the harness stops discharge exactly at the minimum). */
    private static final double EMPTY_TOLERANCE = 1e-6;
    private final double setpointFraction;
    private boolean recharging;

    public CycleCharging(double setpointFraction) {
        this.setpointFraction = setpointFraction;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState s, Setpoints out) {
        if (!s.hasBattery()) {
            return; // nothing to ask of a battery the site does not have (the setpoint stays 0 kW)
        }
        double target = Math.min(setpointFraction, s.socMaxFraction());
        if (s.socFraction() <= s.socMinFraction() + EMPTY_TOLERANCE) {
            recharging = true;
        } else if (s.socFraction() >= target - EMPTY_TOLERANCE) {
            recharging = false;
        }
        if (recharging) {
            // full power; the last step may overshoot the set point by at most one step's charge
            out.chargeAtMaximum();
        } else {
            out.batteryKw(s.netLoadKw());
        }
    }
}
