package org.gridtwin.physics.grid;

import java.util.Arrays;
import org.gridtwin.model.EmissionFactor;
import org.gridtwin.physics.time.TimeGrid;

/** A grid emission factor on a time grid, t CO2/MWh per step: its hourly profile mapped on, or the constant. */
public final class EmissionSeries {
    private EmissionSeries() {
    }

    public static double[] of(EmissionFactor factor, TimeGrid grid) {
        if (factor.hourly() != null) {
            return TypicalYearSeries.onto(factor.hourly(), grid);
        }
        double[] out = new double[grid.steps()];
        Arrays.fill(out, factor.constantTPerMwh());
        return out;
    }
}
