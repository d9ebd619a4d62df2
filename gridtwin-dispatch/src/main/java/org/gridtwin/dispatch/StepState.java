package org.gridtwin.dispatch;

import org.gridtwin.model.Tariff.PeriodType;

/**
 * Everything a strategy may know at the start of a step: time, available renewable power, demand, the battery's
 * state and feasible power, and the grid's limits and prices. One instance per site is filled by the harness
 * (simulation or live) every step and read by the strategy; it is never allocated per step.
 */
public final class StepState {
    private long epochSecond;
    private double stepHours;
    private int minuteOfDay;
    private int dayOfWeek;
    private int month;
    private double windAvailableKw;
    private double pvAvailableKw;
    private double loadKw;
    private boolean hasBattery;
    private double socFraction;
    private double socMinFraction;
    private double socMaxFraction;
    private double batteryEnergyKwh;
    private double maxChargeKw;
    private double maxDischargeKw;
    private double chargeRatedKw;
    private double dischargeRatedKw;
    private double chargeEfficiency = 1;
    private double dischargeEfficiency = 1;
    private double importLimitKw;
    private double exportLimitKw;
    private double importPriceYuanPerKwh;
    private double feedInYuanPerKwh;
    private PeriodType period = PeriodType.FLAT;

    /** Sets the clock fields. */
    public StepState time(long epochSecond, double stepHours, int minuteOfDay, int dayOfWeek, int month) {
        this.epochSecond = epochSecond;
        this.stepHours = stepHours;
        this.minuteOfDay = minuteOfDay;
        this.dayOfWeek = dayOfWeek;
        this.month = month;
        return this;
    }

    /** Sets available renewable power and demand, kW. */
    public StepState power(double windAvailableKw, double pvAvailableKw, double loadKw) {
        this.windAvailableKw = windAvailableKw;
        this.pvAvailableKw = pvAvailableKw;
        this.loadKw = loadKw;
        return this;
    }

    /** Sets the battery's state; the feasible powers already account for the SoC window and efficiencies. */
    public StepState battery(double socFraction, double socMinFraction, double socMaxFraction,
            double energyKwh, double maxChargeKw, double maxDischargeKw) {
        this.hasBattery = energyKwh > 0;
        this.socFraction = socFraction;
        this.socMinFraction = socMinFraction;
        this.socMaxFraction = socMaxFraction;
        this.batteryEnergyKwh = energyKwh;
        this.maxChargeKw = maxChargeKw;
        this.maxDischargeKw = maxDischargeKw;
        return this;
    }

    /**
     * Sets the battery's nameplate: the harness does it once, from the site's battery, since ratings do not change
     * from step to step (rules that plan a day ahead size their targets with them).
     */
    public StepState ratings(double chargeRatedKw, double dischargeRatedKw, double chargeEfficiency,
            double dischargeEfficiency) {
        this.chargeRatedKw = chargeRatedKw;
        this.dischargeRatedKw = dischargeRatedKw;
        this.chargeEfficiency = chargeEfficiency;
        this.dischargeEfficiency = dischargeEfficiency;
        return this;
    }

    /** Sets grid limits and the prices in force. */
    public StepState grid(double importLimitKw, double exportLimitKw, double importPriceYuanPerKwh,
            double feedInYuanPerKwh, PeriodType period) {
        this.importLimitKw = importLimitKw;
        this.exportLimitKw = exportLimitKw;
        this.importPriceYuanPerKwh = importPriceYuanPerKwh;
        this.feedInYuanPerKwh = feedInYuanPerKwh;
        this.period = period;
        return this;
    }

    public long epochSecond() {
        return epochSecond;
    }

    public double stepHours() {
        return stepHours;
    }

    public int minuteOfDay() {
        return minuteOfDay;
    }

    /** ISO day of week, 1 = Monday. */
    public int dayOfWeek() {
        return dayOfWeek;
    }

    public int month() {
        return month;
    }

    public double windAvailableKw() {
        return windAvailableKw;
    }

    public double pvAvailableKw() {
        return pvAvailableKw;
    }

    public double renewableAvailableKw() {
        return windAvailableKw + pvAvailableKw;
    }

    public double loadKw() {
        return loadKw;
    }

    /** Demand not covered by available renewables, kW; negative when there is surplus. */
    public double netLoadKw() {
        return loadKw - windAvailableKw - pvAvailableKw;
    }

    public boolean hasBattery() {
        return hasBattery;
    }

    public double socFraction() {
        return socFraction;
    }

    public double socMinFraction() {
        return socMinFraction;
    }

    public double socMaxFraction() {
        return socMaxFraction;
    }

    public double batteryEnergyKwh() {
        return batteryEnergyKwh;
    }

    /** Largest charge power (positive number) feasible this step, kW. */
    public double maxChargeKw() {
        return maxChargeKw;
    }

    /** Largest discharge power feasible this step, kW. */
    public double maxDischargeKw() {
        return maxDischargeKw;
    }

    /** Rated charge power at the bus, kW (0 without a battery). */
    public double chargeRatedKw() {
        return chargeRatedKw;
    }

    /** Rated discharge power at the bus, kW (0 without a battery). */
    public double dischargeRatedKw() {
        return dischargeRatedKw;
    }

    public double chargeEfficiency() {
        return chargeEfficiency;
    }

    public double dischargeEfficiency() {
        return dischargeEfficiency;
    }

    /** Energy the battery can deliver to the bus from its SoC window when full, kWh. */
    public double usableDischargeKwh() {
        return (socMaxFraction - socMinFraction) * batteryEnergyKwh * dischargeEfficiency;
    }

    public double importLimitKw() {
        return importLimitKw;
    }

    public double exportLimitKw() {
        return exportLimitKw;
    }

    public double importPriceYuanPerKwh() {
        return importPriceYuanPerKwh;
    }

    public double feedInYuanPerKwh() {
        return feedInYuanPerKwh;
    }

    public PeriodType period() {
        return period;
    }
}
