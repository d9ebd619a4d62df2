package org.gridtwin.sim;

import org.gridtwin.dispatch.lp.SiteLpInputs;
import org.gridtwin.model.Battery;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.Site;
import org.gridtwin.physics.battery.BatteryPhysics;
import org.gridtwin.physics.time.TimeGrid;

/** The dispatch LP's inputs over a whole run, from a site's engine inputs: the same series the engine steps. */
public final class LpInputsFactory {
    private LpInputsFactory() {
    }

    /** Whole-run inputs; the battery must end with at least the energy it started with. */
    public static SiteLpInputs of(SiteInputs in) {
        Site site = in.site();
        TimeGrid grid = in.grid();
        int n = grid.steps();
        double dt = grid.stepHours();
        double[] renewable = new double[n];
        int[] month = new int[n];
        for (int i = 0; i < n; i++) {
            renewable[i] = in.windKw()[i] + in.pvKw()[i];
            month[i] = grid.monthIndex(i);
        }
        Battery b = site.battery();
        SiteLpInputs.Battery battery = null;
        double initial = 0;
        if (b != null) {
            // the islanding reserve is the LP's floor, as it is the bus's discharge floor on the grid
            double floor = Math.max(b.socMinFraction(), site.resilience().island().reserveSocFraction());
            battery = new SiteLpInputs.Battery(b.chargeKw(), b.dischargeKw(), b.chargeEfficiency(),
                    b.dischargeEfficiency(), floor * b.energyKwh(), b.socMaxFraction() * b.energyKwh(),
                    BatteryPhysics.keptPerStep(b.selfDischargePerDay(), dt));
            initial = b.socInitialFraction() * b.energyKwh();
        }
        DispatchSettings.Costs c = site.dispatch().costs();
        return new SiteLpInputs(dt, renewable, in.loadKw().clone(), in.tariff().prices(),
                site.grid().feedInYuanPerKwh(), in.emissionTPerMwh().clone(), month, site.grid().importLimitKw(),
                site.grid().exportLimitKw(), battery, initial, b == null ? Double.NaN : initial,
                new double[grid.months()], new SiteLpInputs.Costs(c.demandChargeYuanPerKwMonth(),
                        c.degradationYuanPerKwh(), c.carbonPriceYuanPerT(), c.unmetPenaltyYuanPerKwh()));
    }
}
