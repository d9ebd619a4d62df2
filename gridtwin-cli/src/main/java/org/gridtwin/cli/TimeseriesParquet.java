package org.gridtwin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.report.TimeseriesCsv;
import org.gridtwin.sim.report.TimeseriesWriter;
import org.gridtwin.store.ParquetTable;

/**
 * {@code timeseries.parquet}: the columns of {@code timeseries.csv} (docs/kpis.md), {@code time} as a UTC timestamp
 * and without {@code local_time} (a Parquet timestamp is an instant; {@code summary.json} names the zone). Written
 * as the CSV first, next to the result, then converted by the store's DuckDB.
 */
final class TimeseriesParquet implements TimeseriesWriter {
    @Override
    public String fileName() {
        return "timeseries.parquet";
    }

    @Override
    public void write(SimulationResult result, Path file) throws IOException {
        Path csv = Files.createTempFile(file.toAbsolutePath().getParent(), ".timeseries", ".csv");
        try {
            TimeseriesCsv.write(result, csv);
            ParquetTable.fromCsv(csv, file, List.of("local_time"));
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
