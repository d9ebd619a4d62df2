package org.gridtwin.dispatch.rules;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;

/**
 * Time-of-use arbitrage: charge at full power in valley periods (from surplus and the grid), discharge to cover
 * the net load in peak and sharp-peak periods, and in flat periods only store surplus, keeping the charge for the
 * next peak. Never discharges into the grid.
 */
public final class TouArbitrage implements DispatchStrategy {
    public static final String NAME = "tou-arbitrage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState s, Setpoints out) {
        double net = s.netLoadKw();
        switch (s.period()) {
            case VALLEY, DEEP_VALLEY -> out.chargeAtMaximum();
            case PEAK, SHARP_PEAK -> out.batteryKw(net);
            default -> out.batteryKw(Math.min(0, net));
        }
    }
}
