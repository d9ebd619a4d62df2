package org.gridtwin.physics.load;

import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A group of households with one daily profile: each local hour draws its weight's share of the daily energy
 * {@code count × annual_kwh / 365}, so any 365 days sum to exactly {@code count × annual_kwh}.
 */
public final class HouseholdModel {
    private HouseholdModel() {
    }

    public static double[] kw(LoadSpec.Households h, TimeGrid grid) {
        double dailyKwh = h.count() * h.annualKwhPerHousehold() / 365.0;
        double sum = h.hourly().stream().mapToDouble(Double::doubleValue).sum();
        double[] byHourKw = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            byHourKw[hour] = dailyKwh * h.hourly().get(hour) / sum; // kWh in that hour = mean kW over it
        }
        double[] out = new double[grid.steps()];
        for (int i = 0; i < out.length; i++) {
            out[i] = byHourKw[grid.localHour(i)];
        }
        return out;
    }
}
