package org.gridtwin.model;

/**
 * Grid CO2 intensity: a constant, or an hourly series of one typical year (8,760 values, local time, January 1
 * 00:00 first) repeated every year.
 *
 * @param constantTPerMwh the factor when no series is given, t CO2 per MWh (= kg per kWh)
 * @param hourly          hourly factors in t/MWh, or {@code null}
 */
public record EmissionFactor(double constantTPerMwh, ProfileSeries hourly) {

    /** The annual mean factor, t/MWh: the constant, or the mean of the hourly series. */
    public double meanTPerMwh() {
        return hourly == null ? constantTPerMwh : hourly.mean();
    }
}
