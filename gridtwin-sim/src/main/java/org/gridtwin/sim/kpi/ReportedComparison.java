package org.gridtwin.sim.kpi;

import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.ReportedFigure;
import org.gridtwin.model.Scenario;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;

/**
 * Sets the scenario's published figures beside the simulation's ("reported / simulated"). Annual figures are
 * scaled to a year of 365.25 days from the simulated period.
 */
public final class ReportedComparison {
    private ReportedComparison() {
    }

    /**
     * One comparison.
     *
     * @param figure    the published figure
     * @param simulated the model's value in the figure's unit
     * @param note      how the simulated value was formed
     */
    public record Row(ReportedFigure figure, double simulated, String note) {
        /** simulated ÷ reported, or NaN when the reported value is 0. */
        public double ratio() {
            return figure.value() == 0 ? Double.NaN : simulated / figure.value();
        }
    }

    /**
     * @param siteKpis the KPIs of {@code result}'s sites, in the same order
     */
    public static List<Row> rows(SimulationResult result, List<Kpi> siteKpis) {
        Scenario scenario = result.request().scenario();
        List<Row> rows = new ArrayList<>();
        for (ReportedFigure f : scenario.reported()) {
            int index = 0;
            while (!result.sites().get(index).siteId().equals(f.site())) {
                index++;
            }
            SiteResult site = result.sites().get(index);
            Kpi k = siteKpis.get(index);
            double years = site.steps() * result.grid().stepHours() / 24 / 365.25;
            rows.add(switch (f.metric()) {
                case CUMULATIVE_WIND_KWH -> cumulative(f, k.windKwh() / years);
                case CO2_AVOIDED_T -> co2(f, k, years, scenario);
                case FULL_POWER_DAYS_PER_CRANE_MONTH -> cranes(f, k, site);
                case ANNUAL_PV_KWH -> new Row(f, k.pvKwh() / years, "simulated PV generation per year");
                case HOUSEHOLD_INCOME_YUAN -> new Row(f, k.householdIncomeYuan() / years,
                        "self-consumed PV at the household tariff + exports at the feed-in price + PV subsidy, "
                                + "per year");
            });
        }
        return rows;
    }

    /** Years of a cumulative figure's period, both dates counted. */
    static double periodYears(ReportedFigure f) {
        return (f.asOf().toEpochDay() - f.since().toEpochDay() + 1) / 365.25;
    }

    private static Row cumulative(ReportedFigure f, double perYearKwh) {
        double years = periodYears(f);
        double yearsToReach = f.value() / perYearKwh;
        // a rate that would need more than a millennium (or none at all) has no date worth printing
        String reached = perYearKwh > 0 && yearsToReach < 1000
                ? "the reported total is reached about " + f.since().plusDays(Math.round(yearsToReach * 365.25))
                : "at this rate the reported total is not reached";
        return new Row(f, perYearKwh * years, String.format(java.util.Locale.ROOT,
                "%.1f GWh a year over the %.2f years from %s to %s; %s", perYearKwh / 1e6, years, f.since(),
                f.asOf(), reached));
    }

    /**
     * The CO2 the simulated generation avoids: when the site also reports cumulative wind, the claim is about that
     * generation, so the simulated wind over the same period; otherwise a year of the site's simulated renewable
     * generation. Both at the site's emission factor.
     */
    private static Row co2(ReportedFigure f, Kpi k, double years, Scenario scenario) {
        ReportedFigure wind = scenario.reported().stream()
                .filter(o -> o.site().equals(f.site()) && o.metric() == ReportedFigure.Metric.CUMULATIVE_WIND_KWH)
                .findFirst().orElse(null);
        double basisKwh = wind != null ? k.windKwh() / years * periodYears(wind) : k.greenKwh() / years;
        String basis = wind != null ? String.format(java.util.Locale.ROOT, "simulated wind from %s to %s",
                wind.since(), wind.asOf()) : "a year of simulated wind and PV";
        double t = basisKwh * k.emissionFactorTPerMwh() / 1000;
        return new Row(f, t, String.format(java.util.Locale.ROOT, "%s, %.1f GWh, at the grid factor of %.4f t/MWh",
                basis, basisKwh / 1e6, k.emissionFactorTPerMwh()));
    }

    private static Row cranes(ReportedFigure f, Kpi k, SiteResult site) {
        double ratedKw = site.inputs().site().windRatedKw();
        double craneMonthKwh = k.craneMonths() > 0 ? k.greenKwh() / k.craneMonths() : 0;
        double days = ratedKw > 0 ? craneMonthKwh / (ratedKw * 24) : 0;
        return new Row(f, days, String.format(java.util.Locale.ROOT, "one simulated month of the crane fleet uses %.0f MWh; the turbines "
                + "at full power (%.1f MW) make that in %.1f days", craneMonthKwh / 1000, ratedKw / 1000, days));
    }
}
