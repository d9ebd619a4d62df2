package org.gridtwin.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.LoadTier;
import org.gridtwin.physics.faults.FaultSchedule;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.SyntheticWeatherSpec;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.grid.EmissionSeries;
import org.gridtwin.physics.grid.TariffSeries;
import org.gridtwin.physics.load.LoadModels;
import org.gridtwin.physics.load.LoadSeries;
import org.gridtwin.physics.pv.PvChain;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.physics.weather.FileWeather;
import org.gridtwin.physics.weather.SyntheticWeather;
import org.gridtwin.physics.weather.WeatherSeries;
import org.gridtwin.physics.wind.WindModel;

/** The loader from the scenario model to the engine's columnar state: weather, then resources and demand. */
public final class SiteInputsBuilder {
    private SiteInputsBuilder() {
    }

    public static SiteInputs build(Site site, TimeGrid sharedGrid, long seed) {
        TimeGrid grid = sharedGrid.inZone(site.timeZone());
        int n = grid.steps();
        SunSeries sun = SunSeries.compute(grid, site.latitudeDeg(), site.longitudeDeg());
        WeatherSeries weather = site.weather() instanceof WeatherFile file
                ? FileWeather.onto(file, grid, sun)
                : SyntheticWeather.generate((SyntheticWeatherSpec) site.weather(), site.latitudeDeg(),
                        site.longitudeDeg(), grid, sun, seed);
        FaultSchedule faults = FaultSchedule.of(site, grid);
        double[] wind = new double[n];
        for (WindFarm farm : site.wind()) {
            add(wind, WindModel.powerKw(farm, weather), faults.assetUpShare().get(farm.id()));
        }
        double[] pv = new double[n];
        for (PvArray array : site.pv()) {
            add(pv, PvChain.acPowerKw(array, grid, sun, weather), faults.assetUpShare().get(array.id()));
        }
        double[] load = new double[n];
        double[] critical = new double[n];
        double[] priority = new double[n];
        List<LoadSeries> loads = new ArrayList<>();
        for (LoadSpec spec : site.loads()) {
            LoadSeries s = LoadModels.series(spec, grid, weather, seed);
            loads.add(s);
            add(load, s.kw(), null);
            if (s.partsKw().isEmpty()) {
                addTier(critical, priority, site.resilience().tierOf(spec, ""), s.kw());
            } else {
                for (Map.Entry<String, double[]> part : s.partsKw().entrySet()) {
                    addTier(critical, priority, site.resilience().tierOf(spec, part.getKey()), part.getValue());
                }
            }
        }
        TariffSeries tariff = TariffSeries.of(site.grid().tariff(), grid);
        double[] factor = EmissionSeries.of(site.grid().emissionFactor(), grid);
        return new SiteInputs(site, grid, wind, pv, load, tariff, factor, loads, critical, priority, faults);
    }

    private static void addTier(double[] critical, double[] priority, LoadTier tier, double[] kw) {
        if (tier == LoadTier.CRITICAL) {
            add(critical, kw, null);
        } else if (tier == LoadTier.PRIORITY) {
            add(priority, kw, null);
        }
    }

    /** Adds {@code values}, scaled per step by the share of units running when {@code upShare} is given. */
    private static void add(double[] into, double[] values, double[] upShare) {
        for (int i = 0; i < into.length; i++) {
            into[i] += upShare == null ? values[i] : values[i] * upShare[i];
        }
    }
}
