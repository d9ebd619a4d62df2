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

    /** Monthly energy bars: supply (wind, PV, import) and use (load, export), MWh. */
    static String monthly(String title, Kpi k) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle("MWh").build();
        style(c.getStyler());
        List<String> months = new ArrayList<>();
        for (Kpi.MonthlyEnergy m : k.monthly()) {
            months.add(m.month());
        }
        c.addSeries("wind", months, mwh(k, Kpi.MonthlyEnergy::windKwh)).setFillColor(WIND);
        c.addSeries("PV", months, mwh(k, Kpi.MonthlyEnergy::pvKwh)).setFillColor(PV);
        c.addSeries("grid import", months, mwh(k, Kpi.MonthlyEnergy::gridImportKwh)).setFillColor(GRID);
        c.addSeries("load", months, mwh(k, Kpi.MonthlyEnergy::loadKwh)).setFillColor(LOAD);
        c.addSeries("grid export", months, mwh(k, Kpi.MonthlyEnergy::gridExportKwh)).setFillColor(EXPORT);
        return png(c);
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
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title + suffix).xAxisTitle("hours")
                .yAxisTitle("MW").build();
        style(c.getStyler());
        double[] x = new double[n];
        double[][] up = new double[4][n];
        double[][] down = new double[2][n];
        double[] load = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = j * block * dtH;
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
        area(c, "grid import", x, up[3], GRID);
        area(c, "battery discharge", x, up[2], BATTERY);
        area(c, "PV", x, up[1], PV);
        area(c, "wind", x, up[0], WIND);
        area(c, "grid export", x, down[1], EXPORT);
        area(c, "battery charge", x, down[0], BATTERY.brighter());
        XYSeries line = c.addSeries("load", x, load);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(LOAD);
        line.setMarker(SeriesMarkers.NONE);
        return png(c);
    }

    private static void area(XYChart c, String name, double[] x, double[] y, Color color) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(color);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Battery state of charge over the same week, %. */
    static String soc(String title, SiteResult r, int from, int to) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(240).title(title).xAxisTitle("hours")
                .yAxisTitle("%").build();
        style(c.getStyler());
        int block = Math.max(1, (int) Math.ceil((to - from) / (double) MAX_POINTS));
        int n = (to - from) / block;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            // the state at the end of each block (SoC is a level, not a flow), placed at the block's start
            int i = from + (j + 1) * block - 1;
            x[j] = j * block * r.inputs().grid().stepHours();
            y[j] = r.socFraction()[i] * 100;
        }
        XYSeries s = c.addSeries("state of charge", x, y);
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

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
    }

    static String png(IChart chart) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
