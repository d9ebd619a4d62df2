package org.gridtwin.server;

import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.gridtwin.physics.load.LoadSeries;

/**
 * What a site's live counters are measured against, fixed for the run: the energy of one month of its yard cranes
 * and the yearly use of one household, taken from a simulated year of its loads with the same definitions as the
 * simulation's KPIs (docs/kpis.md: {@code crane_months}, {@code household_years}, {@code household_income_yuan}).
 *
 * @param craneMonthKwh        one month (30.44 days) of the site's yard crane fleets, kWh; 0 without cranes
 * @param householdAnnualKwh   sum over household groups of one household's annual use, kWh; 0 without households
 * @param households           the site's household groups (tariff and PV subsidy for the income)
 * @param feedInYuanPerKwh     what an exported kWh earns
 */
public record KpiBasis(double craneMonthKwh, double householdAnnualKwh, List<LoadSpec.Households> households,
        double feedInYuanPerKwh) {

    /** From a simulated period of the site's loads (a year gives the steadiest crane month). */
    public static KpiBasis of(SiteInputs year) {
        double dt = year.grid().stepHours();
        double days = year.grid().steps() * dt / 24;
        double crane = 0;
        double householdKwh = 0;
        List<LoadSpec.Households> households = new ArrayList<>();
        for (LoadSeries ls : year.loads()) {
            if (ls.spec() instanceof LoadSpec.CraneFleet c && c.kind() == LoadSpec.Kind.YARD) {
                double kwh = 0;
                for (double kw : ls.kw()) {
                    kwh += kw * dt;
                }
                crane += kwh / (days / KpiCalculator.DAYS_PER_MONTH);
            } else if (ls.spec() instanceof LoadSpec.Households h) {
                householdKwh += h.annualKwhPerHousehold();
                households.add(h);
            }
        }
        return new KpiBasis(crane, householdKwh, List.copyOf(households), year.site().grid().feedInYuanPerKwh());
    }

    /** Months of the site's crane fleet that {@code greenKwh} covers; 0 without cranes. */
    public double craneMonths(double greenKwh) {
        return craneMonthKwh > 0 ? greenKwh / craneMonthKwh : 0;
    }

    /** Years of one household's use that {@code greenKwh} covers; 0 without households. */
    public double householdYears(double greenKwh) {
        return householdAnnualKwh > 0 ? greenKwh / householdAnnualKwh : 0;
    }

    /**
     * The households' income: self-consumed green energy saves the retail tariff, exports earn the feed-in price,
     * all PV earns the subsidy (the simulation's {@code household_income_yuan}); 0 without households.
     */
    public double householdIncomeYuan(double greenKwh, double pvKwh, double exportKwh) {
        double income = 0;
        for (LoadSpec.Households h : households) {
            income += Math.max(0, greenKwh - exportKwh) * h.tariffYuanPerKwh() + exportKwh * feedInYuanPerKwh
                    + pvKwh * h.pvSubsidyYuanPerKwh();
        }
        return income;
    }
}
