package org.gridtwin.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.kpi.SimulationKpis;

/**
 * Writes a run's files into its output folder — {@code summary.json}, the series, {@code report.html} — for every
 * harness that keeps runs (the command line, the server's runs). The series are written on their own thread while
 * the report draws its charts: on two cores that overlaps the two longest writes.
 */
public final class RunOutputs {
    private RunOutputs() {
    }

    /**
     * @param afterEach called once per file written (a progress bar's step)
     * @return the files written, in the order above
     */
    public static List<Path> write(SimulationResult result, SimulationKpis kpis, Path dir, TimeseriesWriter series,
            Runnable afterEach) throws IOException {
        List<Path> written = new ArrayList<>(3);
        Path summary = dir.resolve("summary.json");
        SummaryJson.write(result, kpis, summary);
        written.add(summary);
        afterEach.run();
        Path seriesFile = series.fileName() == null ? null : dir.resolve(series.fileName());
        CompletableFuture<Void> seriesDone = seriesFile == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    try {
                        series.write(result, seriesFile);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, r -> {
                    Thread t = new Thread(r, "gridtwin-series");
                    t.setDaemon(true);
                    t.start();
                });
        Path report = dir.resolve("report.html");
        HtmlReport.write(result, kpis, report);
        try {
            seriesDone.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        if (seriesFile != null) {
            written.add(seriesFile);
            afterEach.run();
        }
        written.add(report);
        afterEach.run();
        return written;
    }
}
