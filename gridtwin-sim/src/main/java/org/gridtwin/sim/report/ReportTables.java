package org.gridtwin.sim.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.gridtwin.model.Tariff.PeriodType;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.ReportedComparison;
import org.gridtwin.sim.kpi.SimulationKpis;

/** The report's tables: reported / simulated, key figures, and each site's months. */
final class ReportTables {
    private ReportTables() {
    }

    static void reported(StringBuilder h, List<ReportedComparison.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>Reported / simulated</h2>\n<table><tr><th>Figure</th><th>Site</th><th>Reported</th>")
                .append("<th>Simulated</th><th>Simulated ÷ reported</th><th>How the simulated value is formed</th>")
                .append("</tr>\n");
        for (ReportedComparison.Row r : rows) {
            String unit = HtmlReport.esc(r.figure().unit());
            h.append("<tr><td>").append(HtmlReport.esc(r.figure().label())).append("<br><span class=\"note\">")
                    .append(HtmlReport.esc(r.figure().source())).append("</span></td><td>")
                    .append(HtmlReport.esc(r.figure().site())).append("</td><td class=\"n\">")
                    .append(People.number(r.figure().value())).append(' ').append(unit).append("</td><td class=\"n\">")
                    .append(People.number(r.simulated())).append(' ').append(unit).append("</td><td class=\"n\">")
                    .append(People.fixed(r.ratio(), 2)).append("</td><td>").append(HtmlReport.esc(r.note()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * What outages and islanding did, one row a site: only when some site lost its grid or keeps a reserve
     * (docs/resilience.md).
     */
    static void outages(StringBuilder h, List<SiteResult> sites, SimulationKpis kpis) {
        boolean any = false;
        for (Kpi k : kpis.sites()) {
            any |= k.resilience().gridOutageHours() > 0 || k.resilience().reserveCostYuan() != 0;
        }
        if (!any) {
            return;
        }
        h.append("<h2>Outages and islanding</h2>\n<table><tr><th>Site</th><th>Without grid, h</th><th>Islanded, h</th>"
                + "<th>Dark, h</th><th>Tiers shed</th><th>Black-outs</th><th>Black starts</th><th>Resyncs</th>"
                + "<th>Unserved critical, kWh</th><th>Unserved priority, kWh</th><th>Unserved sheddable, kWh</th>"
                + "<th>Reserve cost, yuan</th></tr>\n");
        for (int i = 0; i < sites.size(); i++) {
            org.gridtwin.sim.kpi.ResilienceKpi r = kpis.sites().get(i).resilience();
            h.append("<tr><td>").append(HtmlReport.esc(sites.get(i).siteId())).append("</td>");
            for (double v : new double[] {r.gridOutageHours(), r.islandedHours(), r.darkHours()}) {
                h.append("<td class=\"n\">").append(People.fixed(v, 1)).append("</td>");
            }
            for (int c : new int[] {r.shedEvents(), r.blackouts(), r.blackStarts(), r.resyncs()}) {
                h.append("<td class=\"n\">").append(c).append("</td>");
            }
            for (double v : new double[] {r.unmetCriticalKwh(), r.unmetPriorityKwh(), r.unmetSheddableKwh(),
                r.reserveCostYuan()}) {
                h.append("<td class=\"n\">").append(People.number(v)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private record Row(String label, ToDoubleFunction<Kpi> value, int decimals) {
    }

    /**
     * The key figures of the fleet and every site. A row that is zero everywhere (cars without a factory, cycles
     * without a battery, curtailment that never happened) is left out; the sentence under the table says which
     * of curtailment and unmet load did not occur.
     */
    static void keyFigures(StringBuilder h, List<SiteResult> sites, SimulationKpis kpis) {
        List<Row> rows = List.of(
                new Row("Wind, MWh", k -> k.windKwh() / 1000, 0),
                new Row("PV, MWh", k -> k.pvKwh() / 1000, 0),
                new Row("Load, MWh", k -> k.loadKwh() / 1000, 0),
                new Row("Grid import, MWh", k -> k.gridImportKwh() / 1000, 0),
                new Row("Grid export, MWh", k -> k.gridExportKwh() / 1000, 0),
                new Row("Battery discharge, MWh", k -> k.batteryDischargeKwh() / 1000, 0),
                new Row("Curtailed, MWh", k -> k.curtailedKwh() / 1000, 1),
                new Row("Unmet load, MWh", k -> k.unmetKwh() / 1000, 1),
                new Row("Renewable fraction, %", k -> k.renewableFraction() * 100, 1),
                new Row("Self-sufficiency, %", k -> k.selfSufficiency() * 100, 1),
                new Row("Peak import, kW", Kpi::peakImportKw, 0),
                new Row("Energy bill (imports at the tariff), yuan", Kpi::energyCostYuan, 0),
                new Row("Export revenue, yuan", Kpi::exportRevenueYuan, 0),
                new Row("Demand charge, yuan", Kpi::demandChargeYuan, 0),
                new Row("Battery wear, yuan", Kpi::degradationCostYuan, 0),
                new Row("Carbon cost, yuan", Kpi::carbonCostYuan, 0),
                new Row("Total cost (bill − exports + demand + wear + carbon), yuan", Kpi::totalCostYuan, 0),
                new Row("CO2 avoided, t", Kpi::co2AvoidedT, 0),
                new Row("CO2 of imports, t", Kpi::gridCo2T, 0),
                new Row("Wind full-load hours", Kpi::windFullLoadHours, 0),
                new Row("Battery equivalent full cycles", Kpi::equivalentFullCycles, 1),
                new Row("Crane-months of green energy", Kpi::craneMonths, 1),
                new Row("Household-years of green energy", Kpi::householdYears, 0),
                new Row("Cars produced", Kpi::carsProduced, 0),
                new Row("kWh per car", Kpi::kwhPerCar, 0),
                new Row("Household PV income, yuan", Kpi::householdIncomeYuan, 0));
        h.append("<h2>Key figures</h2>\n<table><tr><th>Indicator</th><th>Fleet</th>");
        for (SiteResult s : sites) {
            h.append("<th>").append(HtmlReport.esc(s.siteId())).append("<br><span class=\"note\">")
                    .append(HtmlReport.esc(s.strategy())).append("</span></th>");
        }
        h.append("</tr>\n");
        List<String> absent = new ArrayList<>();
        // what the sentence under the table calls the rows that never had a value
        java.util.Map<String, String> absentNames = java.util.Map.of("Curtailed, MWh", "curtailment",
                "Unmet load, MWh", "unmet load");
        for (Row row : rows) {
            if (!anyNonZero(row.value(), kpis)) {
                if (absentNames.containsKey(row.label())) {
                    absent.add(absentNames.get(row.label()));
                }
                continue;
            }
            h.append("<tr><td>").append(HtmlReport.esc(row.label())).append("</td><td class=\"n\">")
                    .append(People.fixed(row.value().applyAsDouble(kpis.fleet()), row.decimals())).append("</td>");
            for (Kpi k : kpis.sites()) {
                h.append("<td class=\"n\">").append(People.fixed(row.value().applyAsDouble(k), row.decimals()))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (!absent.isEmpty()) {
            h.append("<p class=\"note\">No ").append(String.join(" and no ", absent))
                    .append(" in this period at any site.</p>\n");
        }
    }

    private static boolean anyNonZero(ToDoubleFunction<Kpi> f, SimulationKpis kpis) {
        if (Math.abs(f.applyAsDouble(kpis.fleet())) > 1e-9) {
            return true;
        }
        return kpis.sites().stream().anyMatch(k -> Math.abs(f.applyAsDouble(k)) > 1e-9);
    }

    private record Column(String label, ToDoubleFunction<Kpi.MonthlyEnergy> value, boolean energy) {
    }

    private static final String PEAK_IMPORT = "Peak import kW";

    /**
     * A site's months: energy by source and use (MWh), the month's peak import (kW) and its bill by tariff period
     * (yuan), with a total row. Columns a site never uses are left out.
     */
    static void months(StringBuilder h, Kpi k) {
        Set<PeriodType> periods = EnumSet.noneOf(PeriodType.class);
        k.monthly().forEach(m -> periods.addAll(m.importCostYuanByPeriod().keySet()));
        List<Column> columns = new ArrayList<>(List.of(
                new Column("Wind", Kpi.MonthlyEnergy::windKwh, true),
                new Column("PV", Kpi.MonthlyEnergy::pvKwh, true),
                new Column("Battery out", Kpi.MonthlyEnergy::batteryDischargeKwh, true),
                new Column("Import", Kpi.MonthlyEnergy::gridImportKwh, true),
                new Column("Load", Kpi.MonthlyEnergy::loadKwh, true),
                new Column("Battery in", Kpi.MonthlyEnergy::batteryChargeKwh, true),
                new Column("Export", Kpi.MonthlyEnergy::gridExportKwh, true),
                new Column("Curtailed", Kpi.MonthlyEnergy::curtailedKwh, true),
                new Column("Unmet", Kpi.MonthlyEnergy::unmetKwh, true)));
        columns.removeIf(c -> c.energy() && k.monthly().stream().allMatch(m -> c.value().applyAsDouble(m) == 0)
                && !c.label().equals("Load"));
        int energyColumns = columns.size();
        columns.add(new Column(PEAK_IMPORT, Kpi.MonthlyEnergy::peakImportKw, false));
        for (PeriodType p : periods) {
            columns.add(new Column(label(p), m -> m.importCostYuanByPeriod().getOrDefault(p, 0.0), false));
        }
        columns.add(new Column("Bill", Kpi.MonthlyEnergy::importCostYuan, false));
        columns.add(new Column("Export revenue", Kpi.MonthlyEnergy::exportRevenueYuan, false));
        h.append("<table class=\"months\"><tr><th rowspan=\"2\">Month</th><th colspan=\"").append(energyColumns)
                .append("\">Energy, MWh</th><th rowspan=\"2\">Peak import, kW</th><th colspan=\"")
                .append(columns.size() - energyColumns - 1).append("\">Bill, yuan</th></tr>\n<tr>");
        for (Column c : columns) {
            if (!c.label().equals(PEAK_IMPORT)) {
                h.append("<th>").append(c.label()).append("</th>");
            }
        }
        h.append("</tr>\n");
        for (Kpi.MonthlyEnergy m : k.monthly()) {
            h.append("<tr><td class=\"m\">").append(m.month()).append("</td>");
            for (Column c : columns) {
                double v = c.value().applyAsDouble(m);
                h.append("<td class=\"n\">").append(People.fixed(c.energy() ? v / 1000 : v, c.energy() ? 1 : 0))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("<tr class=\"total\"><td>Total</td>");
        for (Column c : columns) {
            double v = c.label().equals(PEAK_IMPORT)
                    ? k.monthly().stream().mapToDouble(c.value()).max().orElse(0)
                    : k.monthly().stream().mapToDouble(c.value()).sum();
            h.append("<td class=\"n\">").append(People.fixed(c.energy() ? v / 1000 : v, c.energy() ? 1 : 0))
                    .append("</td>");
        }
        h.append("</tr>\n</table>\n");
    }

    private static String label(PeriodType p) {
        String key = p.key().replace('_', ' ');
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
