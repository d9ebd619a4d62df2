package org.gridtwin.ems;

import org.gridtwin.model.Tariff;

/**
 * What a site's devices report at the start of a control cycle. Mutable and reused by the control loop, so a
 * cycle allocates nothing. Powers in kW; the calendar fields are site-local.
 */
public final class Measurements {
    /** When the values were measured (epoch seconds); older than the stale limit means not to be trusted. */
    public long measuredEpochSecond;
    /** Some device has never answered: nothing may be acted on, whatever the age says. */
    public boolean incomplete;
    public int minuteOfDay;
    public int dayOfWeek;
    public int month;
    public double windAvailableKw;
    public double pvAvailableKw;
    public double loadKw;
    /** Battery state of charge 0..1 and the powers it can take or give this cycle. */
    public double socFraction;
    public double maxChargeKw;
    public double maxDischargeKw;
    public double importPriceYuanPerKwh;
    public Tariff.PeriodType period;
    /** The public grid is there (a field site's grid meter or relay says so; a twin's schedule). */
    public boolean gridAvailable = true;
    /** Grid emission factor now, t/MWh: what a green kWh displaces. */
    public double emissionTPerMwh;
}
