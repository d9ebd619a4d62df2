package org.gridtwin.sim.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;

/**
 * Writes {@code timeseries.csv}: a UTC {@code time} column (start of each step) and eight columns per site.
 * Values are written at full double precision so that the energy balance holds to 1e-6 kW in the file too.
 */
public final class TimeseriesCsv {
    public static final List<String> COLUMNS = List.of("wind_kw", "pv_kw", "load_kw", "battery_kw", "grid_kw",
            "unmet_kw", "curtailed_kw", "soc_fraction");

    private TimeseriesCsv() {
    }

    public static void write(SimulationResult result, Path file) throws IOException {
        List<SiteResult> sites = result.sites();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(512);
            line.append("time");
            for (SiteResult s : sites) {
                for (String c : COLUMNS) {
                    line.append(',').append(s.siteId()).append('/').append(c);
                }
            }
            out.write(line.append('\n').toString());
            int n = result.grid().steps();
            for (int i = 0; i < n; i++) {
                line.setLength(0);
                line.append(Instant.ofEpochSecond(result.grid().epochSecond(i)));
                for (SiteResult s : sites) {
                    value(line, s.windKw()[i]);
                    value(line, s.pvKw()[i]);
                    value(line, s.loadKw()[i]);
                    value(line, s.batteryKw()[i]);
                    value(line, s.gridKw()[i]);
                    value(line, s.unmetKw()[i]);
                    value(line, s.curtailedKw()[i]);
                    value(line, s.socFraction()[i]);
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    private static void value(StringBuilder line, double v) {
        line.append(',');
        if (v == 0) {
            line.append('0');
        } else {
            line.append(v);
        }
    }
}
