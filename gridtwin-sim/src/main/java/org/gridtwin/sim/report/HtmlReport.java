package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gridtwin.model.Durations;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.ReportedComparison;
import org.gridtwin.sim.kpi.SimulationKpis;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, charts as data URIs, no scripts, no network)
 * with the KPI tables, the "reported / simulated" comparison and the plots.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(SimulationResult result, SimulationKpis kpis, Path file) throws IOException {
        Files.writeString(file, html(result, kpis), StandardCharsets.UTF_8);
    }

    static String html(SimulationResult result, SimulationKpis kpis) {
        StringBuilder h = new StringBuilder(1 << 20);
        String name = esc(result.request().scenario().name());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GridTwin report: ")
                .append(name).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}")
                .append("img{max-width:100%}.note{color:#555;font-size:90%}</style></head><body>\n");
        h.append("<h1>GridTwin simulation: ").append(name).append("</h1>\n<p>")
                .append(esc(result.request().scenario().description())).append("</p>\n<p>Period ")
                .append(result.grid().start()).append(" to ").append(result.grid().end()).append(", step ")
                .append(Durations.format(java.time.Duration.ofSeconds(result.grid().stepSeconds())))
                .append(", ").append(result.grid().steps()).append(" steps, seed ").append(result.request().seed())
                .append(", engine time ").append(fmt(result.engineSeconds(), 2)).append(" s.</p>\n");
        reported(h, kpis.reported());
        kpiTable(h, result, kpis);
        h.append("<h2>Monthly energy</h2>\n");
        img(h, Charts.monthly("Fleet", kpis.fleet()));
        int[] week = week(result);
        for (int i = 0; i < result.sites().size(); i++) {
            SiteResult s = result.sites().get(i);
            h.append("<h2>").append(esc(s.inputs().site().name())).append("</h2>\n");
            img(h, Charts.monthly("Monthly energy: " + s.siteId(), kpis.sites().get(i)));
            java.time.LocalDateTime weekStart = java.time.LocalDateTime.ofInstant(
                    java.time.Instant.ofEpochSecond(result.grid().epochSecond(week[0])), s.inputs().grid().zone());
            img(h, Charts.week("A week of dispatch (" + s.strategy() + ") from " + weekStart.toLocalDate()
                    + " " + weekStart.toLocalTime(), s, week[0], week[1]));
            if (s.inputs().site().hasBattery()) {
                img(h, Charts.soc("Battery state of charge, same week", s, week[0], week[1]));
            }
        }
        h.append("<h2>Load duration</h2>\n");
        img(h, Charts.loadDuration(result.sites()));
        h.append("<p class=\"note\">Definitions of every indicator: docs/kpis.md. Data sources and assumptions: "
                + "docs/data-sources.md.</p>\n</body></html>\n");
        return h.toString();
    }

    /** The week shown: starting at the middle of the period (mid-year for a calendar year), or all of it. */
    static int[] week(SimulationResult result) {
        int n = result.grid().steps();
        int perWeek = 7 * 86_400 / result.grid().stepSeconds();
        if (n <= perWeek) {
            return new int[] {0, n};
        }
        int perDay = 86_400 / result.grid().stepSeconds();
        int from = Math.min(n - perWeek, n / 2 / perDay * perDay);
        return new int[] {from, from + perWeek};
    }

    private static void reported(StringBuilder h, List<ReportedComparison.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>Reported / simulated</h2>\n<table><tr><th>Figure</th><th>Site</th><th>Reported</th>")
                .append("<th>Simulated</th><th>Simulated ÷ reported</th><th>How the simulated value is formed</th>")
                .append("</tr>\n");
        for (ReportedComparison.Row r : rows) {
            String unit = esc(r.figure().unit());
            h.append("<tr><td>").append(esc(r.figure().label())).append("<br><span class=\"note\">")
                    .append(esc(r.figure().source())).append("</span></td><td>").append(esc(r.figure().site()))
                    .append("</td><td class=\"n\">").append(fmt(r.figure().value(), 1)).append(' ').append(unit)
                    .append("</td><td class=\"n\">").append(fmt(r.simulated(), 1)).append(' ').append(unit)
                    .append("</td><td class=\"n\">").append(fmt(r.ratio(), 2)).append("</td><td>")
                    .append(esc(r.note())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void kpiTable(StringBuilder h, SimulationResult result, SimulationKpis kpis) {
        h.append("<h2>Key figures</h2>\n<table><tr><th>Indicator</th><th>Fleet</th>");
        for (SiteResult s : result.sites()) {
            h.append("<th>").append(esc(s.siteId())).append("<br><span class=\"note\">").append(esc(s.strategy()))
                    .append("</span></th>");
        }
        h.append("</tr>\n");
        Kpi fleet = kpis.fleet();
        List<Kpi> sites = kpis.sites();
        row(h, "Wind, MWh", fleet, sites, k -> k.windKwh() / 1000, 0);
        row(h, "PV, MWh", fleet, sites, k -> k.pvKwh() / 1000, 0);
        row(h, "Load, MWh", fleet, sites, k -> k.loadKwh() / 1000, 0);
        row(h, "Grid import, MWh", fleet, sites, k -> k.gridImportKwh() / 1000, 0);
        row(h, "Grid export, MWh", fleet, sites, k -> k.gridExportKwh() / 1000, 0);
        row(h, "Curtailed, MWh", fleet, sites, k -> k.curtailedKwh() / 1000, 1);
        row(h, "Unmet, MWh", fleet, sites, k -> k.unmetKwh() / 1000, 1);
        row(h, "Renewable fraction, %", fleet, sites, k -> k.renewableFraction() * 100, 1);
        row(h, "Self-sufficiency, %", fleet, sites, k -> k.selfSufficiency() * 100, 1);
        row(h, "Peak import, kW", fleet, sites, Kpi::peakImportKw, 0);
        row(h, "Energy cost, yuan", fleet, sites, Kpi::energyCostYuan, 0);
        row(h, "Export revenue, yuan", fleet, sites, Kpi::exportRevenueYuan, 0);
        row(h, "CO2 avoided, t", fleet, sites, Kpi::co2AvoidedT, 0);
        row(h, "Wind full-load hours", fleet, sites, Kpi::windFullLoadHours, 0);
        row(h, "Battery equivalent full cycles", fleet, sites, Kpi::equivalentFullCycles, 1);
        row(h, "Crane-months of green energy", fleet, sites, Kpi::craneMonths, 1);
        row(h, "Household-years of green energy", fleet, sites, Kpi::householdYears, 0);
        row(h, "Cars produced", fleet, sites, Kpi::carsProduced, 0);
        row(h, "kWh per car", fleet, sites, Kpi::kwhPerCar, 0);
        row(h, "Household PV income, yuan", fleet, sites, Kpi::householdIncomeYuan, 0);
        h.append("</table>\n");
    }

    private interface Field {
        double of(Kpi k);
    }

    private static void row(StringBuilder h, String label, Kpi fleet, List<Kpi> sites, Field f, int decimals) {
        h.append("<tr><td>").append(label).append("</td><td class=\"n\">").append(fmt(f.of(fleet), decimals))
                .append("</td>");
        for (Kpi k : sites) {
            h.append("<td class=\"n\">").append(fmt(f.of(k), decimals)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void img(StringBuilder h, String dataUri) {
        h.append("<p><img alt=\"chart\" src=\"").append(dataUri).append("\"></p>\n");
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v == 0 ? 0.0 : v); // no "-0"
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
