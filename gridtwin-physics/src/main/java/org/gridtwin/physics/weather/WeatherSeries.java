package org.gridtwin.physics.weather;

/**
 * Weather on a simulation grid, one value per step (period averages for irradiance, interval values for wind and
 * temperature). Columnar and read-only after construction.
 *
 * @param ghiWm2               global horizontal irradiance, W/m²
 * @param airTemperatureC      air temperature, °C
 * @param windSpeedMs          wind speed at {@code windReferenceHeightM}, m/s
 * @param windReferenceHeightM height of the wind speeds, m
 */
public record WeatherSeries(double[] ghiWm2, double[] airTemperatureC, double[] windSpeedMs,
        double windReferenceHeightM) {

    public int size() {
        return ghiWm2.length;
    }
}
