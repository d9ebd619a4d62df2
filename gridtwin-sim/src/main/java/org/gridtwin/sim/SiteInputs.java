package org.gridtwin.sim;

import java.util.List;
import org.gridtwin.model.Site;
import org.gridtwin.physics.grid.TariffSeries;
import org.gridtwin.physics.load.LoadSeries;
import org.gridtwin.physics.time.TimeGrid;

/**
 * The engine's compact view of a site: columnar series per step, built once from the scenario by
 * {@link SiteInputsBuilder}. The engine never reads the scenario's YAML-shaped records in its loop.
 *
 * @param site               the scenario record (ratings and limits)
 * @param grid               the site's time axis
 * @param windKw             available wind power of all farms, kW
 * @param pvKw               available PV power of all arrays, kW
 * @param loadKw             total demand, kW
 * @param tariff             import price and period per step
 * @param emissionTPerMwh    grid emission factor per step, t/MWh
 * @param loads              each load's own series (for KPIs such as crane-months and cars)
 */
public record SiteInputs(Site site, TimeGrid grid, double[] windKw, double[] pvKw, double[] loadKw,
        TariffSeries tariff, double[] emissionTPerMwh, List<LoadSeries> loads) {
}
