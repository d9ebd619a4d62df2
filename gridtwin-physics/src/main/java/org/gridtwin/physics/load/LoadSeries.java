package org.gridtwin.physics.load;

import org.gridtwin.model.LoadSpec;

/**
 * A load's power at every step, plus what it produced (cars for a factory line; 0 otherwise).
 *
 * @param spec          the load it came from
 * @param kw            power drawn at every step, kW (negative only when regeneration exceeds consumption)
 * @param carsProduced  units finished over the grid (factory lines), may be fractional at the period's edges
 */
public record LoadSeries(LoadSpec spec, double[] kw, double carsProduced) {
}
