package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.file.Path;
import org.gridtwin.sim.SimulationResult;

/**
 * How a run's step-by-step series are written: {@link #CSV} ({@code timeseries.csv}, the default), a compact
 * format another module supplies (Parquet through the store's DuckDB), or {@link #NONE}.
 */
public interface TimeseriesWriter {
    /** The file written into the output folder, or {@code null} when nothing is written. */
    String fileName();

    void write(SimulationResult result, Path file) throws IOException;

    TimeseriesWriter CSV = new TimeseriesWriter() {
        @Override
        public String fileName() {
            return "timeseries.csv";
        }

        @Override
        public void write(SimulationResult result, Path file) throws IOException {
            TimeseriesCsv.write(result, file);
        }
    };

    TimeseriesWriter NONE = new TimeseriesWriter() {
        @Override
        public String fileName() {
            return null;
        }

        @Override
        public void write(SimulationResult result, Path file) {
        }
    };
}
