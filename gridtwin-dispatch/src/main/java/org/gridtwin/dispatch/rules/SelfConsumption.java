package org.gridtwin.dispatch.rules;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;

/**
 * Load following: the battery stores renewable surplus and returns it when renewables fall short, so the site
 * buys and sells as little as possible. Never charges from the grid.
 */
public final class SelfConsumption implements DispatchStrategy {
    public static final String NAME = "self-consumption";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState s, Setpoints out) {
        if (!s.hasBattery()) {
            return; // nothing to ask of a battery the site does not have (the setpoint stays 0 kW)
        }
        out.batteryKw(s.netLoadKw());
    }
}
