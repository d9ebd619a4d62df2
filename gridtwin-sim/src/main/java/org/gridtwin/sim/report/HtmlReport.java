package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gridtwin.model.Durations;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.SimulationKpis;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS, charts as data URIs, no scripts, no network)
 * with the period in local time, the "reported / simulated" comparison, the key figures, each site's months and
 * the plots. Charts are drawn in parallel (drawing and PNG encoding are most of the report's time).
 */
public final class HtmlReport {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private HtmlReport() {
    }

    public static void write(SimulationResult result, SimulationKpis kpis, Path file) throws IOException {
        Files.writeString(file, html(result, kpis), StandardCharsets.UTF_8);
    }

    static String html(SimulationResult result, SimulationKpis kpis) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "gridtwin-chart");
                    t.setDaemon(true);
                    return t;
                });
        try {
            return page(result, kpis, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Text now, charts as they finish: the page is assembled in order from both. */
    private static final class Page {
        private final List<Object> parts = new ArrayList<>();
        private final ExecutorService pool;
        private StringBuilder text = new StringBuilder(1 << 14);

        Page(ExecutorService pool) {
            this.pool = pool;
        }

        StringBuilder text() {
            return text;
        }

        void chart(Callable<String> dataUri) {
            parts.add(text);
            parts.add(pool.submit(dataUri));
            text = new StringBuilder(1 << 12);
        }

        String assemble() {
            parts.add(text);
            StringBuilder h = new StringBuilder(1 << 20);
            for (Object p : parts) {
                if (p instanceof StringBuilder sb) {
                    h.append(sb);
                } else {
                    h.append("<p><img alt=\"chart\" src=\"").append(join((Future<?>) p)).append("\"></p>\n");
                }
            }
            return h.toString();
        }

        private static Object join(Future<?> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while drawing the report's charts", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
    }

    private static String page(SimulationResult result, SimulationKpis kpis, ExecutorService pool) {
        Page p = new Page(pool);
        StringBuilder h = p.text();
        String name = esc(result.request().scenario().name());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GridTwin report: ")
                .append(name).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f0f0}")
                .append("tr.total td{font-weight:bold;border-top:2px solid #888}table.months{font-size:90%}")
                .append("td.m{white-space:nowrap}")
                .append("img{max-width:100%}.note{color:#555;font-size:90%}</style></head><body>\n");
        ZoneId zone = result.grid().zone();
        h.append("<h1>GridTwin simulation: ").append(name).append("</h1>\n<p>")
                .append(esc(result.request().scenario().description())).append("</p>\n<p>Period ")
                .append(local(result.grid().start(), zone)).append(" to ").append(local(result.grid().end(), zone))
                .append(" (").append(esc(zone.getId())).append(", UTC")
                .append(OffsetDateTime.ofInstant(result.grid().start(), zone).getOffset().getId()
                        .replace("Z", "+00:00"))
                .append("), step ").append(Durations.format(java.time.Duration.ofSeconds(result.grid().stepSeconds())))
                .append(", ").append(People.fixed(result.grid().steps(), 0)).append(" steps, seed ")
                .append(result.request().seed()).append(", engine time ").append(People.fixed(result.engineSeconds(), 2))
                .append(" s.</p>\n");
        ReportTables.reported(h, kpis.reported());
        ReportTables.keyFigures(h, result.sites(), kpis);
        ReportTables.outages(h, result.sites(), kpis);
        h.append("<h2>Monthly energy</h2>\n");
        p.chart(() -> Charts.monthly("Fleet", kpis.fleet()));
        int[] week = week(result);
        for (int i = 0; i < result.sites().size(); i++) {
            SiteResult s = result.sites().get(i);
            p.text().append("<h2>").append(esc(s.inputs().site().name())).append("</h2>\n");
            int index = i;
            ReportTables.months(p.text(), kpis.sites().get(index));
            p.chart(() -> Charts.monthly("Monthly energy: " + s.siteId(), kpis.sites().get(index)));
            String from = local(java.time.Instant.ofEpochSecond(result.grid().epochSecond(week[0])),
                    s.inputs().site().timeZone());
            p.chart(() -> Charts.week("A week of dispatch (" + s.strategy() + ") from " + from, s, week[0],
                    week[1]));
            if (s.inputs().site().hasBattery()) {
                p.chart(() -> Charts.soc("Battery state of charge, same week", s, week[0], week[1]));
            }
        }
        p.text().append("<h2>Load duration</h2>\n");
        p.chart(() -> Charts.loadDuration(result.sites()));
        p.text().append("<p class=\"note\">Definitions of every indicator: docs/kpis.md. Data sources and "
                + "assumptions: docs/data-sources.md.</p>\n</body></html>\n");
        return p.assemble();
    }

    /** {@code 2024-01-01 00:00}: a local time as a person reads it (the zone is named beside it). */
    static String local(java.time.Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
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

    static String fmt(double v, int decimals) {
        return People.fixed(v, decimals);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
