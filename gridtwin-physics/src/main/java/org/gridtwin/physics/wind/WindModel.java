package org.gridtwin.physics.wind;

import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.weather.WeatherSeries;

/** The wind chain of a farm: reference-height speed → hub height → power curve → count × availability. */
public final class WindModel {
    private WindModel() {
    }

    /** Available power of the whole farm at every step, kW. */
    public static double[] powerKw(WindFarm farm, WeatherSeries weather) {
        int m = farm.powerCurve().size();
        double[] speeds = new double[m];
        double[] powers = new double[m];
        for (int j = 0; j < m; j++) {
            speeds[j] = farm.powerCurve().get(j).windSpeedMPerS();
            powers[j] = farm.powerCurve().get(j).powerKw();
        }
        double scale = farm.count() * farm.availabilityFraction();
        double shearFactor = Math.pow(farm.hubHeightM() / weather.windReferenceHeightM(), farm.shearExponent());
        double[] v = weather.windSpeedMs();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double hub = v[i] * shearFactor;
            out[i] = scale * WindPhysics.powerFromCurveKw(hub, speeds, powers, farm.cutInMPerS(), farm.cutOutMPerS());
        }
        return out;
    }
}
