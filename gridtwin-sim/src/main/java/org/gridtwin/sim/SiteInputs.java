package org.gridtwin.sim;

import java.util.List;
import org.gridtwin.model.Site;
import org.gridtwin.physics.faults.FaultSchedule;
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
 * @param criticalKw         the critical tier of the demand, kW (docs/resilience.md)
 * @param priorityKw         the priority tier, kW; the rest of {@code loadKw} is sheddable
 * @param faults             the site's faults on the grid (wind and PV above already without failed units)
 */
public record SiteInputs(Site site, TimeGrid grid, double[] windKw, double[] pvKw, double[] loadKw,
        TariffSeries tariff, double[] emissionTPerMwh, List<LoadSeries> loads, double[] criticalKw,
        double[] priorityKw, FaultSchedule faults) {

    /** Inputs whose whole demand is critical and where nothing fails. */
    public SiteInputs(Site site, TimeGrid grid, double[] windKw, double[] pvKw, double[] loadKw, TariffSeries tariff,
            double[] emissionTPerMwh, List<LoadSeries> loads) {
        this(site, grid, windKw, pvKw, loadKw, tariff, emissionTPerMwh, loads, loadKw,
                new double[loadKw.length], FaultSchedule.none(loadKw.length));
    }

    /** These inputs with other series for the renewables and demand (tiers and faults kept). */
    public SiteInputs with(Site other, double[] wind, double[] pv) {
        return new SiteInputs(other, grid, wind, pv, loadKw, tariff, emissionTPerMwh, loads, criticalKw, priorityKw,
                faults);
    }
}
