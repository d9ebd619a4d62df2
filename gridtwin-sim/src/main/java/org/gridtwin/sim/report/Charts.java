package org.gridtwin.sim.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.Kpi;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's plots, drawn with XChart and embedded as PNG data URIs so the page needs no network. */
final class Charts {
    static final Color WIND = new Color(0x2b8cbe);
    static final Color PV = new Color(0xfdae61);
    static final Color BATTERY = new Color(0x1a9850);
    static final Color GRID = new Color(0x878787);
    static final Color LOAD = new Color(0x000000);
    static final Color EXPORT = new Color(0xc2a5cf);
    private static final int WIDTH = 960;
    private static final int HEIGHT = 360;

    private Charts() {
    }

    /**
     * Monthly energy bars: supply (wind, PV, battery discharge, import) and use (load, battery charge, export),
     * MWh; a flow the site never has (no turbines, no battery, no export) gets no bar and no legend entry.
     */
    static String monthly(String title, Kpi k) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle("MWh").build();
        style(c.getStyler());
        List<String> months = new ArrayList<>();
        for (Kpi.MonthlyEnergy m : k.monthly()) {
            months.add(m.month());
        }
        bars(c, "wind", months, k, Kpi.MonthlyEnergy::windKwh, WIND);
        bars(c, "PV", months, k, Kpi.MonthlyEnergy::pvKwh, PV);
        bars(c, "battery discharge", months, k, Kpi.MonthlyEnergy::batteryDischargeKwh, BATTERY);
        bars(c, "grid import", months, k, Kpi.MonthlyEnergy::gridImportKwh, GRID);
        bars(c, "load", months, k, Kpi.MonthlyEnergy::loadKwh, LOAD);
        bars(c, "battery charge", months, k, Kpi.MonthlyEnergy::batteryChargeKwh, BATTERY.brighter());
        bars(c, "grid export", months, k, Kpi.MonthlyEnergy::gridExportKwh, EXPORT);
        return png(c);
    }

    private static void bars(CategoryChart c, String name, List<String> months, Kpi k,
            ToDoubleFunction<Kpi.MonthlyEnergy> field, Color color) {
        List<Double> values = mwh(k, field);
        if (values.stream().anyMatch(v -> v > 0)) {
            c.addSeries(name, months, values).setFillColor(color);
        }
    }

    private static List<Double> mwh(Kpi k, ToDoubleFunction<Kpi.MonthlyEnergy> field) {
        List<Double> out = new ArrayList<>();
        for (Kpi.MonthlyEnergy m : k.monthly()) {
            out.add(field.applyAsDouble(m) / 1000);
        }
        return out;
    }

    /** At most this many points per curve: a 960-pixel chart cannot show more, and XChart slows down. */
    static final int MAX_POINTS = 1008;

    /**
     * A week of dispatch as stacked areas: supply above zero (wind, PV, battery discharge, import), charging and
     * export below zero, with the load as a line. Areas are drawn as cumulative sums, largest first. Steps are
     * averaged in blocks so that a week has at most {@link #MAX_POINTS} points (10-minute means at 1-minute steps).
     */
    static String week(String title, SiteResult r, int from, int to) {
        int block = Math.max(1, (int) Math.ceil((to - from) / (double) MAX_POINTS));
        int n = (to - from) / block;
        double dtH = r.inputs().grid().stepHours();
        String suffix = block > 1 ? " (" + Math.round(block * dtH * 60) + "-minute means)" : "";
        java.time.ZoneId zone = r.inputs().site().timeZone();
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title + suffix)
                .xAxisTitle("local time (" + zone.getId() + ")").yAxisTitle("MW").build();
        style(c.getStyler());
        dated(c, zone);
        java.util.Date[] x = new java.util.Date[n];
        double[][] up = new double[4][n];
        double[][] down = new double[2][n];
        double[] load = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = new java.util.Date(r.inputs().grid().epochSecond(from + j * block) * 1000);
            double w = 0;
            double p = 0;
            double dis = 0;
            double imp = 0;
            double ch = 0;
            double exp = 0;
            double l = 0;
            for (int i = from + j * block; i < from + (j + 1) * block; i++) {
                w += r.windKw()[i];
                p += r.pvKw()[i];
                dis += Math.max(0, r.batteryKw()[i]);
                ch += Math.max(0, -r.batteryKw()[i]);
                imp += Math.max(0, r.gridKw()[i]);
                exp += Math.max(0, -r.gridKw()[i]);
                l += r.loadKw()[i];
            }
            double toMw = 1.0 / (1000 * block);
            up[0][j] = w * toMw;
            up[1][j] = up[0][j] + p * toMw;
            up[2][j] = up[1][j] + dis * toMw;
            up[3][j] = up[2][j] + imp * toMw;
            down[0][j] = -ch * toMw;
            down[1][j] = down[0][j] - exp * toMw;
            load[j] = l * toMw;
        }
        // stacked by drawing cumulative sums, largest first; a flow that is zero all week is neither drawn nor named
        area(c, "grid import", x, up[3], up[2], GRID);
        area(c, "battery discharge", x, up[2], up[1], BATTERY);
        area(c, "PV", x, up[1], up[0], PV);
        area(c, "wind", x, up[0], null, WIND);
        area(c, "grid export", x, down[1], down[0], EXPORT);
        area(c, "battery charge", x, down[0], null, BATTERY.brighter());
        XYSeries line = c.addSeries("load", Arrays.asList(x), list(load));
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(LOAD);
        line.setMarker(SeriesMarkers.NONE);
        return png(c);
    }

    /** An area whose top is {@code y}, named only when it differs from the area below it ({@code below}). */
    private static void area(XYChart c, String name, java.util.Date[] x, double[] y, double[] below, Color color) {
        boolean differs = false;
        for (int j = 0; j < y.length && !differs; j++) {
            differs = Math.abs(y[j] - (below == null ? 0 : below[j])) > 1e-9;
        }
        if (!differs) {
            return;
        }
        XYSeries s = c.addSeries(name, Arrays.asList(x), list(y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(color);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Battery state of charge over the same week, %. */
    static String soc(String title, SiteResult r, int from, int to) {
        java.time.ZoneId zone = r.inputs().site().timeZone();
        XYChart c = new XYChartBuilder().width(WIDTH).height(240).title(title)
                .xAxisTitle("local time (" + zone.getId() + ")").yAxisTitle("%").build();
        style(c.getStyler());
        dated(c, zone);
        int block = Math.max(1, (int) Math.ceil((to - from) / (double) MAX_POINTS));
        int n = (to - from) / block;
        java.util.Date[] x = new java.util.Date[n];
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            // the state at the end of each block (SoC is a level, not a flow), placed at the block's start
            int i = from + (j + 1) * block - 1;
            x[j] = new java.util.Date(r.inputs().grid().epochSecond(from + j * block) * 1000);
            y[j] = r.socFraction()[i] * 100;
        }
        XYSeries s = c.addSeries("state of charge", Arrays.asList(x), list(y));
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(BATTERY);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        return png(c);
    }

    /** Load duration curves of all sites: demand sorted from highest to lowest, against hours of the period. */
    static String loadDuration(List<SiteResult> sites) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Load duration curves")
                .xAxisTitle("hours in the period with at least this load").yAxisTitle("MW").build();
        style(c.getStyler());
        for (SiteResult r : sites) {
            double[] sorted = r.loadKw().clone();
            Arrays.sort(sorted);
            // at most 2,000 points per curve keep the PNG small without changing its shape
            int points = Math.min(sorted.length, 2000);
            double[] x = new double[points];
            double[] y = new double[points];
            double dtH = r.inputs().grid().stepHours();
            for (int p = 0; p < points; p++) {
                int rank = (int) ((long) p * sorted.length / points);
                x[p] = rank * dtH;
                y[p] = sorted[sorted.length - 1 - rank] / 1000;
            }
            XYSeries s = c.addSeries(r.siteId(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        return png(c);
    }

    /** A time axis labelled by local day ("06-30 Sun"), in the site's zone. */
    private static void dated(XYChart c, java.time.ZoneId zone) {
        c.getStyler().setDatePattern("MM-dd EEE").setTimezone(java.util.TimeZone.getTimeZone(zone))
                .setLocale(java.util.Locale.ROOT);
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /**
     * Survival probability against outage length, one line per tier: the share of outage starts over the year
     * whose tier is still fully served after that many hours.
     */
    static String survival(String title, org.gridtwin.sim.resilience.OutageSurvival s) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("outage length, h")
                .yAxisTitle("survival, %").build();
        style(c.getStyler());
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        List<org.gridtwin.sim.resilience.OutageSurvival.CurvePoint> curve = s.curve();
        double[] x = new double[curve.size() + 1];
        double[] crit = new double[x.length];
        double[] prio = new double[x.length];
        double[] all = new double[x.length];
        crit[0] = 100;
        prio[0] = 100;
        all[0] = 100;
        for (int i = 0; i < curve.size(); i++) {
            x[i + 1] = curve.get(i).durationHours();
            crit[i + 1] = curve.get(i).critical() * 100;
            prio[i + 1] = curve.get(i).priority() * 100;
            all[i + 1] = curve.get(i).all() * 100;
        }
        c.addSeries("critical", x, crit).setMarker(SeriesMarkers.NONE).setLineColor(new Color(0xd7191c));
        c.addSeries("critical + priority", x, prio).setMarker(SeriesMarkers.NONE).setLineColor(PV);
        c.addSeries("all load", x, all).setMarker(SeriesMarkers.NONE).setLineColor(WIND);
        return png(c);
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
    }

    /**
     * The chart as a PNG data URI. Deflate at a low level: charts are flat colour, which any level compresses
     * well, and the highest levels cost several times the drawing itself.
     */
    static String png(IChart chart) {
        try {
            java.awt.image.BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("png").next();
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_QUALITY);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64 * 1024);
            try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ImageIO's PNG writer deflates at level 9 − round(9 × quality): 0.7 is level 3. */
    static final float PNG_QUALITY = 0.7f;
}
