package org.gridtwin.dispatch;

/**
 * What a strategy asks for in one step. Sign convention of the whole project: positive = power into the site bus.
 * The harness resets it to "battery idle, renewables unlimited" before every call.
 *
 * <p>Besides the battery power, a step may carry active-power limits for the wind and PV plants (a curtailment
 * order, an operator's cap, the export guard's limit). A limit caps what the plant delivers; the available power
 * above it is curtailed. Every harness honours them the same way: the engine and the twins through
 * {@code SiteBus.limitRenewables}, field devices through their inverters' power-limit controls.
 */
public final class Setpoints {
    private double batteryKw;
    private double windLimitKw = Double.POSITIVE_INFINITY;
    private double pvLimitKw = Double.POSITIVE_INFINITY;

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

    /** Most the wind plant may deliver this step, kW; positive infinity for no limit. */
    public double windLimitKw() {
        return windLimitKw;
    }

    /** Most the PV plant may deliver this step, kW; positive infinity for no limit. */
    public double pvLimitKw() {
        return pvLimitKw;
    }

    /** Limits wind and PV (kW each, infinity for none); a negative limit counts as 0, NaN as none. */
    public Setpoints limitRenewables(double windKw, double pvKw) {
        this.windLimitKw = sanitized(windKw);
        this.pvLimitKw = sanitized(pvKw);
        return this;
    }

    /** Whether either plant is limited this step. */
    public boolean limitsRenewables() {
        return windLimitKw != Double.POSITIVE_INFINITY || pvLimitKw != Double.POSITIVE_INFINITY;
    }

    /** Copies every field of {@code other}. */
    public Setpoints set(Setpoints other) {
        this.batteryKw = other.batteryKw;
        this.windLimitKw = other.windLimitKw;
        this.pvLimitKw = other.pvLimitKw;
        return this;
    }

    public void reset() {
        batteryKw = 0;
        windLimitKw = Double.POSITIVE_INFINITY;
        pvLimitKw = Double.POSITIVE_INFINITY;
    }

    private static double sanitized(double kw) {
        return Double.isNaN(kw) ? Double.POSITIVE_INFINITY : Math.max(0, kw);
    }

    @Override
    public String toString() {
        return "Setpoints[battery " + batteryKw + " kW, wind ≤ " + windLimitKw + " kW, pv ≤ " + pvLimitKw + " kW]";
    }
}
