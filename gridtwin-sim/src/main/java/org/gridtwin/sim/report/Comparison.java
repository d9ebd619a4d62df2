package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import org.gridtwin.dispatch.optimal.OptimalForesight;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Strategies side by side on the same trace: the fleet and every site, each figure also as a percentage of the
 * optimal-foresight baseline. Written as {@code compare.csv} and a self-contained {@code compare.html}.
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

    /** What the fleet row is called in the tables and the CSV's {@code site} column. */
    public static final String FLEET = "fleet";

    /**
     * One strategy's KPIs: the fleet's and each site's (scenario order), and the engine time it took.
     *
     * @param siteIds the sites' ids, in the order of {@code sites}
     */
    public record Entry(String strategy, Kpi fleet, List<String> siteIds, List<Kpi> sites, double engineSeconds) {
        public Entry {
            siteIds = List.copyOf(siteIds);
            sites = List.copyOf(sites);
        }

        /** The fleet's block for {@link #FLEET}, else the site's. */
        Kpi of(String site) {
            return site.equals(FLEET) ? fleet : sites.get(siteIds.indexOf(site));
        }
    }

    private Comparison() {
    }

    /**
     * Runs the optimal-foresight baseline and the given strategies on the same request; the baseline comes first.
     *
     * @param progress told how many strategies have finished
     */
    public static List<Entry> run(Simulation simulation, SimulationRequest request, Collection<String> strategies,
            IntConsumer progress) {
        Set<String> names = new LinkedHashSet<>();
        names.add(OptimalForesight.NAME);
        names.addAll(strategies);
        for (String n : names) {
            request.withStrategy(n).validated();
        }
        List<Entry> entries = new ArrayList<>();
        for (String n : names) {
            SimulationResult r = simulation.run(request.withStrategy(n));
            List<Kpi> all = KpiCalculator.sitesAndFleet(r.sites());
            entries.add(new Entry(n, all.get(all.size() - 1), r.sites().stream().map(s -> s.siteId()).toList(),
                    all.subList(0, all.size() - 1), r.engineSeconds()));
            progress.accept(entries.size());
        }
        return entries;
    }

    /** {@code value / baseline × 100}, or NaN when the baseline is 0. */
    public static double percentOf(double value, double baseline) {
        return baseline == 0 ? Double.NaN : value / baseline * 100;
    }

    /** The fleet, then each site. */
    private static List<String> rows(Entry baseline) {
        List<String> rows = new ArrayList<>();
        rows.add(FLEET);
        rows.addAll(baseline.siteIds());
        return rows;
    }

    /**
     * One line per strategy and site ({@code site} = {@code fleet} for the fleet's totals); a percentage of a zero
     * baseline (no curtailment at all) has no value and is left empty, as the console shows a dash.
     */
    public static void writeCsv(List<Entry> entries, Entry baseline, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("strategy,site,engine_seconds");
        for (Metric m : METRICS) {
            sb.append(',').append(m.key()).append(',').append(m.key()).append("_pct_of_foresight");
        }
        sb.append('\n');
        for (String site : rows(baseline)) {
            for (Entry e : entries) {
                sb.append(e.strategy()).append(',').append(site).append(',').append(e.engineSeconds());
                for (Metric m : METRICS) {
                    double v = m.value().applyAsDouble(e.of(site));
                    double p = percentOf(v, m.value().applyAsDouble(baseline.of(site)));
                    sb.append(',').append(v).append(',').append(Double.isNaN(p) ? "" : Double.toString(p));
                }
                sb.append('\n');
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    public static void writeHtml(String scenario, List<Entry> entries, Entry baseline, Path file) throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>GridTwin strategy comparison</title><style>body{font-family:sans-serif;max-width:1100px;"
                + "margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"
                + "td.n{text-align:right}th{background:#f0f0f0}img{max-width:100%}.note{color:#555}</style>"
                + "</head><body>\n");
        h.append("<h1>Strategy comparison: ").append(HtmlReport.esc(scenario)).append("</h1>\n<p>Every strategy ran "
                + "on the same trace (same weather, loads and seed). Percentages are of the optimal-foresight "
                + "baseline, which no real controller can beat on cost. The fleet comes first, then each site: a "
                + "large site dominates the fleet's totals.</p>\n");
        for (String site : rows(baseline)) {
            h.append("<h2>").append(site.equals(FLEET) ? "Fleet" : HtmlReport.esc(site)).append("</h2>\n<table><tr>")
                    .append("<th>Strategy</th>");
            for (Metric m : METRICS) {
                h.append("<th>").append(m.label()).append("</th>");
            }
            h.append("</tr>\n");
            for (Entry e : entries) {
                h.append("<tr><td>").append(HtmlReport.esc(e.strategy())).append("</td>");
                for (Metric m : METRICS) {
                    double v = m.value().applyAsDouble(e.of(site));
                    double pct = percentOf(v, m.value().applyAsDouble(baseline.of(site)));
                    h.append("<td class=\"n\">").append(People.fixed(v, 0)).append("<br>")
                            .append(Double.isNaN(pct) ? "–" : People.fixed(pct, 1) + " %").append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n<p><img alt=\"comparison chart: ").append(HtmlReport.esc(site)).append("\" src=\"")
                    .append(chart(entries, baseline, site)).append("\"></p>\n");
        }
        h.append("</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    private static String chart(List<Entry> entries, Entry baseline, String site) {
        CategoryChart c = new CategoryChartBuilder().width(960).height(360)
                .title((site.equals(FLEET) ? "Fleet" : site) + ": each figure as % of the optimal-foresight baseline")
                .yAxisTitle("%").build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> labels = new ArrayList<>();
        for (Metric m : METRICS) {
            labels.add(m.label().replaceAll(",.*", ""));
        }
        for (Entry e : entries) {
            List<Double> pct = new ArrayList<>();
            for (Metric m : METRICS) {
                double p = percentOf(m.value().applyAsDouble(e.of(site)), m.value().applyAsDouble(baseline.of(site)));
                pct.add(Double.isNaN(p) ? 0 : p);
            }
            c.addSeries(e.strategy(), labels, pct);
        }
        return Charts.png(c);
    }

    /** The fleet's table, then one per site, for the console. */
    public static String table(List<Entry> entries, Entry baseline) {
        StringBuilder sb = new StringBuilder();
        for (String site : rows(baseline)) {
            sb.append(String.format(Locale.ROOT, "%-18s", site.equals(FLEET) ? "fleet" : "site " + site));
            for (Metric m : METRICS) {
                sb.append(String.format(Locale.ROOT, " %16s", m.key().replace("_yuan", "").replace("_kwh", "")
                        .replace("_kw", "").replace("_t", "")));
            }
            sb.append('\n');
            for (Entry e : entries) {
                sb.append(String.format(Locale.ROOT, "  %-16s", e.strategy()));
                for (Metric m : METRICS) {
                    double v = m.value().applyAsDouble(e.of(site));
                    double p = percentOf(v, m.value().applyAsDouble(baseline.of(site)));
                    // a zero baseline (no curtailment at all) has no percentage
                    sb.append(Double.isNaN(p) ? String.format(Locale.ROOT, " %,9.0f      –", v)
                            : String.format(Locale.ROOT, " %,9.0f %5.0f%%", v, p));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
