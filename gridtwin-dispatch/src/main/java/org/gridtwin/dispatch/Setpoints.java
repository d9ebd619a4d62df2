package org.gridtwin.dispatch;

/**
 * What a strategy asks for in one step. Sign convention of the whole project: positive = power into the site bus.
 * The harness resets it to "battery idle" before every call.
 */
public final class Setpoints {
    private double batteryKw;

    /** Battery power wanted: positive discharges into the bus, negative charges from it, kW. */
    public double batteryKw() {
        return batteryKw;
    }

    public Setpoints batteryKw(double kw) {
        this.batteryKw = kw;
        return this;
    }

    /** Asks for the largest charge the battery can take this step. */
    public Setpoints chargeAtMaximum() {
        this.batteryKw = Double.NEGATIVE_INFINITY;
        return this;
    }

    public void reset() {
        batteryKw = 0;
    }
}
