package org.gridtwin.physics.load;

import java.time.YearMonth;
import java.util.List;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A load shaped by relative weights of hour of day, day of week and month. The weights are normalised over a
 * 365-day year (each month weighted by its days, each weekday by 1/7), so a whole year's energy equals
 * {@code annual_kwh} up to that year's exact weekday mix.
 */
public final class ParametricLoad {
    private ParametricLoad() {
    }

    public static double[] kw(LoadSpec.Parametric p, TimeGrid grid) {
        double hourMean = mean(p.hourly());
        double dayMean = mean(p.weekday());
        double monthMean = 0;
        for (int m = 0; m < 12; m++) {
            monthMean += p.monthly().get(m) * YearMonth.of(2023, m + 1).lengthOfMonth() / 365.0;
        }
        double meanKw = p.annualKwh() / 8760.0;
        double norm = meanKw / (hourMean * dayMean * monthMean);
        double[] out = new double[grid.steps()];
        for (int i = 0; i < out.length; i++) {
            out[i] = norm * p.hourly().get(grid.localHour(i)) * p.weekday().get(grid.dayOfWeek(i) - 1)
                    * p.monthly().get(grid.month(i) - 1);
        }
        return out;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
