package org.gridtwin.physics.load;

import org.gridtwin.model.LoadSpec;

/**
 * A load's power at every step, plus what it produced (cars for a factory line; 0 otherwise).
 *
 * @param spec          the load it came from
 * @param kw            power drawn at every step, kW (negative only when regeneration exceeds consumption)
 * @param carsProduced  units finished over the grid (factory lines), may be fractional at the period's edges
 * @param partsKw       for composite loads ({@link LoadSpec#parts}), each part's power, summing to {@code kw};
 *                      empty for loads that are one piece
 */
public record LoadSeries(LoadSpec spec, double[] kw, double carsProduced, java.util.Map<String, double[]> partsKw) {
    public LoadSeries {
        partsKw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partsKw));
    }

    /** A load that is one piece. */
    public LoadSeries(LoadSpec spec, double[] kw, double carsProduced) {
        this(spec, kw, carsProduced, java.util.Map.of());
    }
}
