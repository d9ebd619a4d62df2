package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.gridtwin.sim.kpi.Kpi;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Strategies side by side on the same trace: fleet figures and each as a percentage of the optimal-foresight
 * baseline. Written as {@code compare.csv} and a self-contained {@code compare.html} with a bar chart.
 */
public final class Comparison {
    /** The figures compared, with how to read them off a KPI block. */
    public record Metric(String key, String label, ToDoubleFunction<Kpi> value) {
    }

    public static final List<Metric> METRICS = List.of(
            new Metric("total_cost_yuan", "Total cost, yuan", Kpi::totalCostYuan),
            new Metric("grid_co2_t", "Grid CO2, t", Kpi::gridCo2T),
            new Metric("grid_import_kwh", "Grid import, kWh", Kpi::gridImportKwh),
            new Metric("peak_import_kw", "Peak import, kW", Kpi::peakImportKw),
            new Metric("equivalent_full_cycles", "Battery cycles", Kpi::equivalentFullCycles),
            new Metric("curtailed_kwh", "Curtailed, kWh", Kpi::curtailedKwh));

    /** One strategy's fleet KPIs and the engine time it took. */
    public record Entry(String strategy, Kpi fleet, double engineSeconds) {
    }

    private Comparison() {
    }

    /** {@code value / baseline × 100}, or NaN when the baseline is 0. */
    public static double percentOf(double value, double baseline) {
        return baseline == 0 ? Double.NaN : value / baseline * 100;
    }

    public static void writeCsv(List<Entry> entries, Entry baseline, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("strategy,engine_seconds");
        for (Metric m : METRICS) {
            sb.append(',').append(m.key()).append(',').append(m.key()).append("_pct_of_foresight");
        }
        sb.append('\n');
        for (Entry e : entries) {
            sb.append(e.strategy()).append(',').append(e.engineSeconds());
            for (Metric m : METRICS) {
                double v = m.value().applyAsDouble(e.fleet());
                sb.append(',').append(v).append(',').append(percentOf(v, m.value().applyAsDouble(baseline.fleet())));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    public static void writeHtml(String scenario, List<Entry> entries, Entry baseline, Path file) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>GridTwin strategy comparison</title><style>body{font-family:sans-serif;max-width:1100px;"
                + "margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"
                + "td.n{text-align:right}th{background:#f0f0f0}img{max-width:100%}</style></head><body>\n");
        h.append("<h1>Strategy comparison: ").append(HtmlReport.esc(scenario)).append("</h1>\n<p>Every strategy ran "
                + "on the same trace (same weather, loads and seed). Percentages are of the optimal-foresight "
                + "baseline, which no real controller can beat on cost.</p>\n<table><tr><th>Strategy</th>");
        for (Metric m : METRICS) {
            h.append("<th>").append(m.label()).append("</th>");
        }
        h.append("</tr>\n");
        for (Entry e : entries) {
            h.append("<tr><td>").append(HtmlReport.esc(e.strategy())).append("</td>");
            for (Metric m : METRICS) {
                double v = m.value().applyAsDouble(e.fleet());
                double pct = percentOf(v, m.value().applyAsDouble(baseline.fleet()));
                h.append("<td class=\"n\">").append(HtmlReport.fmt(v, 0)).append("<br>")
                        .append(Double.isNaN(pct) ? "–" : HtmlReport.fmt(pct, 1) + " %").append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p><img alt=\"comparison chart\" src=\"").append(chart(entries, baseline))
                .append("\"></p>\n</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    private static String chart(List<Entry> entries, Entry baseline) {
        CategoryChart c = new CategoryChartBuilder().width(960).height(400)
                .title("Each figure as % of the optimal-foresight baseline").yAxisTitle("%").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> labels = new ArrayList<>();
        for (Metric m : METRICS) {
            labels.add(m.label().replaceAll(",.*", ""));
        }
        for (Entry e : entries) {
            List<Double> pct = new ArrayList<>();
            for (Metric m : METRICS) {
                double p = percentOf(m.value().applyAsDouble(e.fleet()), m.value().applyAsDouble(baseline.fleet()));
                pct.add(Double.isNaN(p) ? 0 : p);
            }
            c.addSeries(e.strategy(), labels, pct);
        }
        return Charts.png(c);
    }

    /** A line per strategy for the console. */
    public static String table(List<Entry> entries, Entry baseline) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s", "strategy"));
        for (Metric m : METRICS) {
            sb.append(String.format(Locale.ROOT, " %16s", m.key().replace("_yuan", "").replace("_kwh", "")
                    .replace("_kw", "").replace("_t", "")));
        }
        sb.append('\n');
        for (Entry e : entries) {
            sb.append(String.format(Locale.ROOT, "%-18s", e.strategy()));
            for (Metric m : METRICS) {
                double v = m.value().applyAsDouble(e.fleet());
                double p = percentOf(v, m.value().applyAsDouble(baseline.fleet()));
                // a zero baseline (no curtailment at all) has no percentage
                sb.append(Double.isNaN(p) ? String.format(Locale.ROOT, " %,9.0f      –", v)
                        : String.format(Locale.ROOT, " %,9.0f %5.0f%%", v, p));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
