package org.gridtwin.physics.load;

import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.grid.TypicalYearSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.WeatherSeries;

/** Turns a load specification into its power series on a grid. */
public final class LoadModels {
    private LoadModels() {
    }

    /**
     * @param seed seeds random loads (cranes); each load mixes in its own id so loads are independent
     */
    public static LoadSeries series(LoadSpec spec, TimeGrid grid, WeatherSeries weather, long seed) {
        long loadSeed = seed * 31 + spec.id().hashCode();
        if (spec instanceof LoadSpec.CsvProfile c) {
            return new LoadSeries(spec, TypicalYearSeries.onto(c.kw(), grid), 0);
        } else if (spec instanceof LoadSpec.Parametric p) {
            return new LoadSeries(spec, ParametricLoad.kw(p, grid), 0);
        } else if (spec instanceof LoadSpec.CraneFleet c) {
            return new LoadSeries(spec, CraneFleetModel.kw(c, grid, loadSeed), 0);
        } else if (spec instanceof LoadSpec.ShorePower sp) {
            return new LoadSeries(spec, ShorePowerModel.kw(sp, grid, loadSeed), 0);
        } else if (spec instanceof LoadSpec.PortBase b) {
            return PortBaseModel.series(b, grid, weather);
        } else if (spec instanceof LoadSpec.Households h) {
            return new LoadSeries(spec, HouseholdModel.kw(h, grid), 0);
        } else if (spec instanceof LoadSpec.FactoryLine f) {
            return FactoryLineModel.series(f, grid);
        }
        throw new IllegalArgumentException("no model for load type " + spec.getClass().getSimpleName());
    }
}
