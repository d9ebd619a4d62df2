package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gridtwin.model.IslandSettings;
import org.gridtwin.sim.resilience.OutageSurvival;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files of {@code gridtwin resilience}: {@code survival.csv} (survival probability per outage length and tier),
 * {@code worst_starts.csv}, {@code resilience.json} and {@code resilience.html} with the survival chart. Times a
 * person reads are site-local with their offset.
 */
public final class ResilienceReport {
    /** Worst starts listed per site. */
    public static final int WORST = 10;
    /** Outage lengths the summary quotes. */
    static final int[] QUOTED_HOURS = {1, 4, 8, 24, 48, 72};
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ResilienceReport() {
    }

    /** Writes the four files into {@code dir}; returns them. */
    public static List<Path> write(String scenario, List<OutageSurvival> sites, Path dir) throws IOException {
        Path csv = dir.resolve("survival.csv");
        Path worst = dir.resolve("worst_starts.csv");
        Path json = dir.resolve("resilience.json");
        Path html = dir.resolve("resilience.html");
        Files.writeString(csv, survivalCsv(sites), StandardCharsets.UTF_8);
        Files.writeString(worst, worstCsv(sites), StandardCharsets.UTF_8);
        Files.writeString(json, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(scenario, sites))
                + "\n", StandardCharsets.UTF_8);
        Files.writeString(html, html(scenario, sites), StandardCharsets.UTF_8);
        return List.of(csv, worst, json, html);
    }

    /**
     * {@code duration_h} then, per tier, the share of starts that survive: {@code survival_critical},
     * {@code survival_priority}, {@code survival_all}; with several sites each column is prefixed {@code site/}.
     */
    static String survivalCsv(List<OutageSurvival> sites) {
        StringBuilder b = new StringBuilder("duration_h");
        boolean prefix = sites.size() > 1;
        for (OutageSurvival s : sites) {
            String p = prefix ? s.site().id() + "/" : "";
            b.append(',').append(p).append("survival_critical,").append(p).append("survival_priority,").append(p)
                    .append("survival_all");
        }
        b.append('\n');
        int max = sites.isEmpty() ? 0 : sites.get(0).maxHours();
        b.append(0);
        for (OutageSurvival s : sites) {
            b.append(",1,1,1");
        }
        b.append('\n');
        List<List<OutageSurvival.CurvePoint>> curves = sites.stream().map(OutageSurvival::curve).toList();
        for (int d = 0; d < max; d++) {
            b.append(d + 1);
            for (List<OutageSurvival.CurvePoint> c : curves) {
                OutageSurvival.CurvePoint p = c.get(d);
                b.append(',').append(num(p.critical())).append(',').append(num(p.priority())).append(',')
                        .append(num(p.all()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String worstCsv(List<OutageSurvival> sites) {
        StringBuilder b = new StringBuilder("site,start_local,soc_at_start,critical_h,priority_h,all_h\n");
        for (OutageSurvival s : sites) {
            for (OutageSurvival.Start w : s.worst(WORST)) {
                b.append(s.site().id()).append(',').append(local(s, w.step())).append(',')
                        .append(num(w.socAtStart())).append(',').append(num(w.criticalHours())).append(',')
                        .append(num(w.priorityHours())).append(',').append(num(w.allHours())).append('\n');
            }
        }
        return b.toString();
    }

    private static String local(OutageSurvival s, int step) {
        long t = s.startEpochSecond() + (long) Math.round(step * s.stepHours() * 3600);
        return SummaryJson.localTime(Instant.ofEpochSecond(t), s.site().timeZone());
    }

    static ObjectNode json(String scenario, List<OutageSurvival> sites) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario);
        ArrayNode arr = root.putArray("sites");
        for (OutageSurvival s : sites) {
            ObjectNode o = arr.addObject();
            o.put("site", s.site().id());
            o.put("starts", s.startSteps().length);
            o.put("max_hours", s.maxHours());
            o.put("step_hours", s.stepHours());
            IslandSettings is = s.site().resilience().island();
            ObjectNode settings = o.putObject("island");
            settings.put("grid_forming", is.gridForming() && s.site().hasBattery());
            settings.put("min_soc_fraction", is.minSocFraction());
            settings.put("shed_sheddable_below_soc", is.shedSheddableBelowSoc());
            settings.put("shed_priority_below_soc", is.shedPriorityBelowSoc());
            settings.put("reserve_soc_fraction", is.reserveSocFraction());
            ObjectNode mean = o.putObject("mean_hours_survived");
            mean.put("critical", s.meanHours(s.criticalHours()));
            mean.put("priority", s.meanHours(s.priorityHours()));
            mean.put("all", s.meanHours(s.allHours()));
            ObjectNode at = o.putObject("survival_at_hours");
            List<OutageSurvival.CurvePoint> curve = s.curve();
            for (int h : QUOTED_HOURS) {
                if (h <= s.maxHours()) {
                    OutageSurvival.CurvePoint p = curve.get(h - 1);
                    ObjectNode q = at.putObject(Integer.toString(h));
                    q.put("critical", p.critical());
                    q.put("priority", p.priority());
                    q.put("all", p.all());
                }
            }
            ArrayNode worst = o.putArray("worst_starts");
            for (OutageSurvival.Start w : s.worst(WORST)) {
                ObjectNode x = worst.addObject();
                x.put("start_local", local(s, w.step()));
                x.put("soc_at_start", w.socAtStart());
                x.put("critical_h", w.criticalHours());
                x.put("priority_h", w.priorityHours());
                x.put("all_h", w.allHours());
            }
        }
        return root;
    }

    static String html(String scenario, List<OutageSurvival> sites) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>GridTwin resilience</title><style>body{font-family:sans-serif;max-width:1100px;"
                + "margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                + "padding:4px 8px}td.n{text-align:right}th{background:#f0f0f0}img{max-width:100%}</style>"
                + "</head><body>\n<h1>Resilience: ").append(HtmlReport.esc(scenario)).append("</h1>\n<p>For an "
                + "outage starting at every hour of the year, from the state of charge normal dispatch leaves "
                + "then: how long the island carries each tier in full. The island model, its defaults and what it "
                + "leaves out are in docs/resilience.md.</p>\n");
        for (OutageSurvival s : sites) {
            h.append("<section id=\"").append(HtmlReport.esc(s.site().id())).append("\">\n<h2>")
                    .append(HtmlReport.esc(s.site().name())).append("</h2>\n");
            IslandSettings is = s.site().resilience().island();
            if (!s.site().hasBattery() || !is.gridForming()) {
                h.append("<p><strong>No grid-forming battery")
                        .append(s.site().hasBattery() ? " (island.grid_forming is false)" : "")
                        .append(": every outage blacks the site out.</strong></p>\n");
            }
            h.append("<p><img alt=\"survival chart\" src=\"")
                    .append(Charts.survival("Survival against outage length, " + s.startSteps().length + " starts",
                            s))
                    .append("\"></p>\n<table><tr><th>Outage length</th><th>Critical</th><th>Critical + priority"
                            + "</th><th>All load</th></tr>\n");
            List<OutageSurvival.CurvePoint> curve = s.curve();
            for (int hrs : QUOTED_HOURS) {
                if (hrs <= s.maxHours()) {
                    OutageSurvival.CurvePoint p = curve.get(hrs - 1);
                    h.append("<tr><td class=\"n\">").append(hrs).append(" h</td><td class=\"n\">")
                            .append(pct(p.critical())).append("</td><td class=\"n\">").append(pct(p.priority()))
                            .append("</td><td class=\"n\">").append(pct(p.all())).append("</td></tr>\n");
                }
            }
            h.append("</table>\n<p>Mean hours survived (at most ").append(s.maxHours()).append("): critical ")
                    .append(HtmlReport.fmt(s.meanHours(s.criticalHours()), 1)).append(", critical + priority ")
                    .append(HtmlReport.fmt(s.meanHours(s.priorityHours()), 1)).append(", all load ")
                    .append(HtmlReport.fmt(s.meanHours(s.allHours()), 1)).append(".</p>\n<h3>Worst starts</h3>\n"
                            + "<table><tr><th>Start (local)</th><th>SoC</th><th>Critical, h</th><th>Critical + "
                            + "priority, h</th><th>All, h</th></tr>\n");
            for (OutageSurvival.Start w : s.worst(WORST)) {
                h.append("<tr><td>").append(local(s, w.step())).append("</td><td class=\"n\">")
                        .append(HtmlReport.fmt(w.socAtStart() * 100, 0)).append(" %</td><td class=\"n\">")
                        .append(HtmlReport.fmt(w.criticalHours(), 2)).append("</td><td class=\"n\">")
                        .append(HtmlReport.fmt(w.priorityHours(), 2)).append("</td><td class=\"n\">")
                        .append(HtmlReport.fmt(w.allHours(), 2)).append("</td></tr>\n");
            }
            h.append("</table>\n</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** A console table: per site the survival at the quoted lengths and the mean hours. */
    public static String table(List<OutageSurvival> sites) {
        StringBuilder b = new StringBuilder();
        for (OutageSurvival s : sites) {
            b.append(String.format(Locale.ROOT, "%s: %d outage starts, up to %d h%n", s.site().id(),
                    s.startSteps().length, s.maxHours()));
            b.append(String.format(Locale.ROOT, "  %8s %10s %18s %10s%n", "length", "critical", "critical+priority",
                    "all"));
            List<OutageSurvival.CurvePoint> curve = s.curve();
            for (int hrs : QUOTED_HOURS) {
                if (hrs <= s.maxHours()) {
                    OutageSurvival.CurvePoint p = curve.get(hrs - 1);
                    b.append(String.format(Locale.ROOT, "  %6d h %9.1f%% %17.1f%% %9.1f%%%n", hrs, p.critical() * 100,
                            p.priority() * 100, p.all() * 100));
                }
            }
            b.append(String.format(Locale.ROOT, "  mean hours survived: critical %.1f, critical+priority %.1f, "
                    + "all %.1f%n", s.meanHours(s.criticalHours()), s.meanHours(s.priorityHours()),
                    s.meanHours(s.allHours())));
        }
        return b.toString();
    }

    private static String pct(double share) {
        return HtmlReport.fmt(share * 100, 1) + " %";
    }

    private static String num(double v) {
        String t = String.format(Locale.ROOT, "%.6f", v);
        t = t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
        return t;
    }
}
