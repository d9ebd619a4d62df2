package org.gridtwin.model;

/**
 * Where a site's weather comes from: a synthetic year from monthly statistics, or a weather file (EPW, TMY3 or a
 * CSV with a column mapping) read and checked when the scenario is loaded.
 */
public sealed interface WeatherSpec permits SyntheticWeatherSpec, WeatherFile {

    /** Height of the wind speeds above ground, m. */
    double windReferenceHeightM();
}
