package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridtwin.model.Economics;
import org.gridtwin.sim.economics.ProjectEconomics;
import org.gridtwin.sim.sizing.SearchSpace;
import org.gridtwin.sim.sizing.Sensitivity;
import org.gridtwin.sim.sizing.SizingRow;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The planning section of {@code report.html} written by {@code gridtwin size}: the assumptions, the best
 * configurations, the cost/CO2 trade-off with its Pareto front, the best configuration's cash flows against the
 * grid-only baseline, and why configurations were rejected.
 */
public final class PlanningReport {
    /** Rows of the best-configurations table. */
    static final int TOP = 10;

    private PlanningReport() {
    }

    /**
     * @param title     heading, e.g. scenario and site
     * @param mode      how the configurations were chosen, for the reader
     * @param best      economics of the rank-1 configuration; null when none is feasible
     * @param baseline  the grid-only baseline's yearly cost flows
     */
    public static void write(String title, String mode, Economics economics, List<SizingRow> rows,
            ProjectEconomics.Result best, double[] baseline, List<Sensitivity.Case> cases, Path file)
            throws IOException {
        Files.writeString(file, html(title, mode, economics, rows, best, baseline, cases), StandardCharsets.UTF_8);
    }

    static String html(String title, String mode, Economics e, List<SizingRow> rows, ProjectEconomics.Result best,
            double[] baseline) {
        return html(title, mode, e, rows, best, baseline, List.of());
    }

    static String html(String title, String mode, Economics e, List<SizingRow> rows, ProjectEconomics.Result best,
            double[] baseline, List<Sensitivity.Case> cases) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>GridTwin planning</title><style>body{font-family:sans-serif;max-width:1100px;"
                + "margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                + "padding:4px 8px}td.n{text-align:right}th{background:#f0f0f0}img{max-width:100%}</style>"
                + "</head><body>\n");
        long feasible = rows.stream().filter(SizingRow::feasible).count();
        long front = rows.stream().filter(SizingRow::pareto).count();
        h.append("<h1>Planning: ").append(HtmlReport.esc(title)).append("</h1>\n<section id=\"planning\">\n<p>")
                .append(rows.size()).append(" configurations (").append(HtmlReport.esc(mode)).append("), ")
                .append(feasible).append(" feasible, ").append(front).append(" on the cost/CO2 Pareto front. Net "
                        + "present cost over ").append(e.projectYears()).append(" years at a real discount rate of ")
                .append(HtmlReport.fmt(e.realDiscountRate() * 100, 1)).append(" %; definitions in "
                        + "docs/economics.md.</p>\n");
        assumptions(h, e);
        top(h, rows);
        if (feasible > 0) {
            h.append("<h2>Cost against CO2</h2>\n<p><img alt=\"Pareto chart\" src=\"").append(pareto(rows))
                    .append("\"></p>\n");
        }
        if (best != null) {
            cashFlows(h, best, baseline);
        } else {
            h.append("<p><strong>No configuration meets the constraints.</strong></p>\n");
        }
        rejected(h, rows);
        if (!cases.isEmpty()) {
            sensitivity(h, cases, best == null ? Double.NaN : best.netPresentCostYuan());
        }
        h.append("</section>\n</body></html>\n");
        return h.toString();
    }

    private static void assumptions(StringBuilder h, Economics e) {
        h.append("<h2>Assumptions</h2>\n<table>");
        cell(h, "Capital: PV yuan/kW, wind yuan/kW", 0, e.pvYuanPerKw(), e.windYuanPerKw());
        cell(h, "Capital: battery yuan/kWh, yuan/kW", 0, e.batteryYuanPerKwh(), e.batteryYuanPerKw());
        cell(h, "Fixed O&amp;M, % of capital a year: PV / wind / battery", 1, e.pvOmFractionPerYear() * 100,
                e.windOmFractionPerYear() * 100, e.batteryOmFractionPerYear() * 100);
        cell(h, "Variable O&amp;M, yuan/kWh: PV / wind", 3, e.pvVariableOmYuanPerKwh(), e.windVariableOmYuanPerKwh());
        cell(h, "Lives: PV / wind / battery calendar, years", 0, e.pvLifetimeYears(), e.windLifetimeYears(),
                e.batteryCalendarYears());
        cell(h, "Battery cycle life, equivalent full cycles", 0, e.batteryCycleLife());
        cell(h, "Replacement cost, % of first capital: PV / wind / battery", 0, e.pvReplacementFraction() * 100,
                e.windReplacementFraction() * 100, e.batteryReplacementFraction() * 100);
        cell(h, "Capital grant, yuan", 0, e.capitalGrantYuan());
        cell(h, "Subsidy, yuan/kWh renewable", 3, e.subsidyYuanPerKwh());
        h.append("</table>\n");
    }

    /** A labelled row of one or more values, several joined by " / ". */
    private static void cell(StringBuilder h, String label, int decimals, double... values) {
        h.append("<tr><th>").append(label).append("</th><td class=\"n\">");
        for (int i = 0; i < values.length; i++) {
            h.append(i > 0 ? " / " : "").append(HtmlReport.fmt(values[i], decimals));
        }
        h.append("</td></tr>");
    }

    private static void top(StringBuilder h, List<SizingRow> rows) {
        h.append("<h2>Best configurations</h2>\n<table><tr><th>Rank</th><th>PV kW</th><th>Battery kWh</th>"
                + "<th>Battery kW</th><th>Turbines</th><th>Grid limit kW</th><th>NPC, yuan</th>"
                + "<th>LCOE, yuan/kWh</th><th>Renewable %</th><th>Grid CO2, t/yr</th><th>Pareto</th></tr>\n");
        rows.stream().filter(SizingRow::feasible).sorted(Comparator.comparingInt(SizingRow::rank)).limit(TOP)
                .forEach(r -> {
                    SearchSpace.Config c = r.config();
                    h.append("<tr><td class=\"n\">").append(r.rank()).append("</td>");
                    num(h, c.pvKw(), 0);
                    num(h, c.batteryKwh(), 0);
                    num(h, c.batteryKwh() > 0 ? c.batteryKw() : Double.NaN, 0);
                    num(h, c.turbines(), 0);
                    num(h, c.gridLimitKw(), 0);
                    num(h, r.npcYuan(), 0);
                    num(h, r.lcoeYuanPerKwh(), 3);
                    num(h, r.renewableFraction() * 100, 1);
                    num(h, r.co2TPerYear(), 0);
                    h.append("<td>").append(r.pareto() ? "yes" : "").append("</td></tr>\n");
                });
        h.append("</table>\n");
    }

    private static void num(StringBuilder h, double v, int decimals) {
        h.append("<td class=\"n\">").append(HtmlReport.fmt(v, decimals)).append("</td>");
    }

    private static String pareto(List<SizingRow> rows) {
        XYChart c = new XYChartBuilder().width(960).height(480).title("Net present cost against grid CO2")
                .xAxisTitle("Grid CO2, t a year").yAxisTitle("NPC, million yuan").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        List<SizingRow> feasible = rows.stream().filter(SizingRow::feasible).toList();
        series(c, "feasible", feasible.stream().filter(r -> !r.pareto()).toList(), Charts.GRID);
        List<SizingRow> front = new ArrayList<>(feasible.stream().filter(SizingRow::pareto).toList());
        front.sort(Comparator.comparingDouble(SizingRow::co2TPerYear));
        XYSeries f = series(c, "Pareto front", front, Charts.BATTERY);
        if (f != null) {
            f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        XYSeries b = series(c, "rank 1", feasible.stream().filter(r -> r.rank() == 1).toList(), Charts.PV);
        if (b != null) {
            b.setMarker(SeriesMarkers.DIAMOND);
        }
        return Charts.png(c);
    }

    private static XYSeries series(XYChart c, String name, List<SizingRow> rows, java.awt.Color color) {
        if (rows.isEmpty()) {
            return null;
        }
        double[] x = rows.stream().mapToDouble(SizingRow::co2TPerYear).toArray();
        double[] y = rows.stream().mapToDouble(r -> r.npcYuan() / 1e6).toArray();
        XYSeries s = c.addSeries(name, x, y);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    private static void cashFlows(StringBuilder h, ProjectEconomics.Result r, double[] baseline) {
        h.append("<h2>Rank 1 against grid only</h2>\n<table>");
        cell(h, "Net present cost, yuan", 0, r.netPresentCostYuan());
        cell(h, "Annualised cost, yuan a year", 0, r.annualizedCostYuan());
        cell(h, "Levelised cost of energy, yuan/kWh", 3, r.lcoeYuanPerKwh());
        cell(h, "NPV of the savings, yuan", 0, r.npvVsBaselineYuan());
        cell(h, "IRR of the savings, %", 1, r.irr() * 100);
        cell(h, "Simple payback, years", 1, r.simplePaybackYears());
        cell(h, "Discounted payback, years", 1, r.discountedPaybackYears());
        h.append("</table>\n<h3>Cash flows by year</h3>\n<p>Costs positive (money out), real yuan; year 0 is the "
                + "investment less grants, the last year less the salvage value.</p>\n<table><tr><th>Year</th>"
                + "<th>System, yuan</th><th>Grid only, yuan</th><th>Savings, yuan</th>"
                + "<th>Cumulative savings, yuan</th></tr>\n");
        double cumulative = 0;
        double[] flows = r.costFlowsYuan();
        for (int y = 0; y < flows.length; y++) {
            double saving = baseline[y] - flows[y];
            cumulative += saving;
            h.append("<tr><td class=\"n\">").append(y).append("</td>");
            num(h, flows[y], 0);
            num(h, baseline[y], 0);
            num(h, saving, 0);
            num(h, cumulative, 0);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void rejected(StringBuilder h, List<SizingRow> rows) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (SizingRow r : rows) {
            if (!r.feasible()) {
                for (String part : r.reason().split("; ")) {
                    // "renewable fraction 0.412 < 0.500" counts under "renewable fraction < 0.500"
                    reasons.merge(part.replaceFirst("^(.*?) [0-9.]+( kWh/yr)? ([<>]) (.*)$", "$1$2 $3 $4"), 1,
                            Integer::sum);
                }
            }
        }
        if (reasons.isEmpty()) {
            return;
        }
        h.append("<h2>Rejected configurations</h2>\n<table><tr><th>Constraint missed</th><th>Configurations</th>"
                + "</tr>\n");
        reasons.forEach((why, n) -> h.append("<tr><td>").append(HtmlReport.esc(why)).append("</td><td class=\"n\">")
                .append(n).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private static void sensitivity(StringBuilder h, List<Sensitivity.Case> cases, double baseNpc) {
        h.append("<h2 id=\"sensitivity\">Sensitivity</h2>\n<p>Each case changes one input and sizes again with the "
                + "same search; the others stay at the scenario's values. Base case: rank 1 above, NPC ")
                .append(HtmlReport.fmt(baseNpc, 0)).append(" yuan.</p>\n");
        List<Sensitivity.Bar> bars = Sensitivity.tornado(cases);
        if (!bars.isEmpty()) {
            tornado(h, bars, baseNpc);
        }
        h.append("<p><img alt=\"spider plot\" src=\"").append(spider(cases)).append("\"></p>\n");
        h.append("<table><tr><th>Input</th><th>Value</th><th>Change, %</th><th>Feasible</th><th>PV kW</th>"
                + "<th>Battery kWh</th><th>Turbines</th><th>NPC, yuan</th><th>NPC vs base, %</th>"
                + "<th>Renewable %</th></tr>\n");
        for (Sensitivity.Case c : cases) {
            SizingRow r = c.best();
            h.append("<tr><td>").append(HtmlReport.esc(c.path())).append("</td>");
            num(h, c.value(), 4);
            num(h, c.changePercent(), 1);
            num(h, c.feasible(), 0);
            num(h, r == null ? Double.NaN : r.config().pvKw(), 0);
            num(h, r == null ? Double.NaN : r.config().batteryKwh(), 0);
            num(h, r == null ? Double.NaN : r.config().turbines(), 0);
            num(h, r == null ? Double.NaN : r.npcYuan(), 0);
            num(h, r == null ? Double.NaN : (r.npcYuan() / baseNpc - 1) * 100, 1);
            num(h, r == null ? Double.NaN : r.renewableFraction() * 100, 1);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** Horizontal bars around the base NPC, widest swing on top, drawn in HTML so labels stay text. */
    private static void tornado(StringBuilder h, List<Sensitivity.Bar> bars, double baseNpc) {
        double lo = baseNpc;
        double hi = baseNpc;
        for (Sensitivity.Bar b : bars) {
            lo = Math.min(lo, b.lowNpcYuan());
            hi = Math.max(hi, b.highNpcYuan());
        }
        double span = Math.max(hi - lo, 1);
        h.append("<h3>Tornado: rank-1 NPC over each input's range</h3>\n<table class=\"tornado\">");
        for (Sensitivity.Bar b : bars) {
            double left = (b.lowNpcYuan() - lo) / span * 100;
            double width = Math.max(b.swingYuan() / span * 100, 0.3);
            double base = (baseNpc - lo) / span * 100;
            h.append("<tr><th>").append(HtmlReport.esc(b.path())).append("</th><td style=\"width:600px;"
                    + "position:relative\"><div style=\"position:absolute;top:2px;bottom:2px;left:")
                    .append(pct(left)).append("%;width:").append(pct(width))
                    .append("%;background:#2b8cbe\"></div><div style=\"position:absolute;top:0;bottom:0;left:")
                    .append(pct(base)).append("%;border-left:2px solid #000\"></div>&nbsp;</td><td class=\"n\">")
                    .append(HtmlReport.fmt(b.lowNpcYuan(), 0)).append(" – ").append(HtmlReport.fmt(b.highNpcYuan(), 0))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static String spider(List<Sensitivity.Case> cases) {
        XYChart c = new XYChartBuilder().width(960).height(420).title("Spider: rank-1 NPC against each input's change")
                .xAxisTitle("Change from the scenario's value, %").yAxisTitle("NPC, million yuan").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        boolean any = false;
        for (String path : cases.stream().map(Sensitivity.Case::path).distinct().toList()) {
            List<Sensitivity.Case> mine = cases.stream().filter(k -> k.path().equals(path) && k.best() != null
                    && !Double.isNaN(k.changePercent())).sorted(Comparator.comparingDouble(Sensitivity.Case::value))
                    .toList();
            if (!mine.isEmpty()) {
                XYSeries s = c.addSeries(path, mine.stream().mapToDouble(Sensitivity.Case::changePercent).toArray(),
                        mine.stream().mapToDouble(k -> k.best().npcYuan() / 1e6).toArray());
                s.setMarker(SeriesMarkers.CIRCLE);
                any = true;
            }
        }
        if (!any) {
            c.addSeries("no feasible case", new double[] {0}, new double[] {0});
        }
        return Charts.png(c);
    }
}
