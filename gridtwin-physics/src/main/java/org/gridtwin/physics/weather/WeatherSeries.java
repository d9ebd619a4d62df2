package org.gridtwin.physics.weather;

/**
 * Weather on a simulation grid, one value per step (period averages for irradiance, interval values for wind,
 * temperature and pressure). Columnar and read-only after construction. The beam and diffuse components and the
 * pressure are optional: {@code null} when the source has none (the PV chain then decomposes GHI, and standard
 * pressure is used).
 *
 * @param ghiWm2               global horizontal irradiance, W/m²
 * @param dniWm2               direct normal irradiance, W/m², or {@code null}
 * @param dhiWm2               diffuse horizontal irradiance, W/m², or {@code null}
 * @param airTemperatureC      air temperature, °C, at {@code windReferenceHeightM} unless stated otherwise
 * @param windSpeedMs          wind speed at {@code windReferenceHeightM}, m/s
 * @param pressurePa           station pressure, Pa, or {@code null}
 * @param windReferenceHeightM height of the wind speeds, m
 */
public record WeatherSeries(double[] ghiWm2, double[] dniWm2, double[] dhiWm2, double[] airTemperatureC,
        double[] windSpeedMs, double[] pressurePa, double windReferenceHeightM) {

    /** Weather without beam/diffuse components and pressure. */
    public WeatherSeries(double[] ghiWm2, double[] airTemperatureC, double[] windSpeedMs,
            double windReferenceHeightM) {
        this(ghiWm2, null, null, airTemperatureC, windSpeedMs, null, windReferenceHeightM);
    }

    public int size() {
        return ghiWm2.length;
    }

    public boolean hasComponents() {
        return dniWm2 != null && dhiWm2 != null;
    }
}
