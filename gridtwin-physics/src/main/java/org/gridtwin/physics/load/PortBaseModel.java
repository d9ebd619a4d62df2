package org.gridtwin.physics.load;

import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.WeatherSeries;

/**
 * A terminal's base load: reefer containers, yard lighting and offices.
 * Reefer power follows the air temperature: {@value #REEFER_PER_C} of the mean per °C away from
 * {@value #REEFER_REFERENCE_C} °C (assumption: compressor work rises with the temperature lift), never below
 * half of the mean.
 */
public final class PortBaseModel {
    static final double REEFER_PER_C = 0.02;
    static final double REEFER_REFERENCE_C = 20;

    private PortBaseModel() {
    }

    public static double[] kw(LoadSpec.PortBase b, TimeGrid grid, WeatherSeries weather) {
        return series(b, grid, weather).kw();
    }

    /** The base load with its parts (reefers, lighting, offices), which islanding treats in different tiers. */
    public static LoadSeries series(LoadSpec.PortBase b, TimeGrid grid, WeatherSeries weather) {
        double reeferMeanKw = b.reeferPlugs() * b.reeferKwPerPlug() * b.reeferOccupancy();
        double[] out = new double[grid.steps()];
        double[] reefers = new double[out.length];
        double[] lighting = new double[out.length];
        double[] offices = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            double t = weather.airTemperatureC()[i];
            double reefer = reeferMeanKw * Math.max(0.5, 1 + REEFER_PER_C * (t - REEFER_REFERENCE_C));
            int hour = grid.localHour(i);
            boolean dark = b.lightingOnHour() > b.lightingOffHour()
                    ? hour >= b.lightingOnHour() || hour < b.lightingOffHour()
                    : hour >= b.lightingOnHour() && hour < b.lightingOffHour();
            boolean officeHours = grid.dayOfWeek(i) <= 5 && hour >= 8 && hour < 18;
            reefers[i] = reefer;
            lighting[i] = dark ? b.lightingKw() : 0;
            offices[i] = officeHours ? b.officeKw() : b.officeKw() / 2;
            out[i] = reefers[i] + lighting[i] + offices[i];
        }
        java.util.Map<String, double[]> parts = new java.util.LinkedHashMap<>();
        parts.put("reefers", reefers);
        parts.put("lighting", lighting);
        parts.put("offices", offices);
        return new LoadSeries(b, out, 0, parts);
    }
}
