package org.gridtwin.model;

import java.util.List;

/**
 * Synthetic weather from monthly statistics: the generator reproduces these monthly means with seeded day-to-day
 * and hour-to-hour variation. All lists have 12 values, January first.
 *
 * @param ghiKwhPerM2Month       global horizontal irradiation per month, kWh/m²
 * @param windMeanMPerS          mean wind speed per month at {@code windReferenceHeightM}, m/s
 * @param windReferenceHeightM   height of the wind statistics above ground, m
 * @param weibullK               Weibull shape of hourly wind speeds (2 = Rayleigh)
 * @param temperatureMeanC       mean air temperature per month, °C
 * @param temperatureDailyRangeC mean difference between daily maximum and minimum, °C
 */
public record SyntheticWeatherSpec(List<Double> ghiKwhPerM2Month, List<Double> windMeanMPerS,
        double windReferenceHeightM, double weibullK, List<Double> temperatureMeanC, double temperatureDailyRangeC)
        implements WeatherSpec {

    public SyntheticWeatherSpec {
        ghiKwhPerM2Month = List.copyOf(ghiKwhPerM2Month);
        windMeanMPerS = List.copyOf(windMeanMPerS);
        temperatureMeanC = List.copyOf(temperatureMeanC);
    }
}
