package org.gridtwin.sim.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;

/**
 * Writes {@code timeseries.csv}: the step's start in UTC ({@code time}) and in the scenario's local time with its
 * offset ({@code local_time}, the first site's zone, in which the period is given), then eight columns per site
 * (twelve for a site whose scenario schedules faults: its island state, shed level and unserved tiers).
 * Values are rounded to nine decimals (1 µW), so the energy balance holds to 1e-8 kW in the file too.
 */
public final class TimeseriesCsv {
    public static final List<String> COLUMNS = List.of("wind_kw", "pv_kw", "load_kw", "battery_kw", "grid_kw",
            "unmet_kw", "curtailed_kw", "soc_fraction");
    /** Added after a site's eight columns when its scenario schedules faults (docs/resilience.md). */
    public static final List<String> ISLAND_COLUMNS = List.of("island_state", "shed_level", "unmet_critical_kw",
            "unmet_priority_kw");

    /** Whether a site's rows carry {@link #ISLAND_COLUMNS}. */
    public static boolean hasIslandColumns(SiteResult s) {
        return !s.inputs().site().resilience().events().isEmpty();
    }

    private TimeseriesCsv() {
    }

    public static void write(SimulationResult result, Path file) throws IOException {
        List<SiteResult> sites = result.sites();
        ZoneId zone = result.grid().zone();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StringBuilder header = new StringBuilder("time,local_time");
            for (SiteResult s : sites) {
                for (String c : COLUMNS) {
                    // ids are plain names (letters, digits, '.', '_', '-'; the scenario reader checks): no quoting
                    header.append(',').append(s.siteId()).append('/').append(c);
                }
                if (hasIslandColumns(s)) {
                    for (String c : ISLAND_COLUMNS) {
                        header.append(',').append(s.siteId()).append('/').append(c);
                    }
                }
            }
            out.write(header.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            AsciiLine line = new AsciiLine(zone);
            int n = result.grid().steps();
            // a row is at most 2 times + 12 values × 22 bytes per site
            int reserve = 64 + sites.size() * 12 * 24;
            boolean[] island = new boolean[sites.size()];
            for (int k = 0; k < island.length; k++) {
                island[k] = hasIslandColumns(sites.get(k));
            }
            for (int i = 0; i < n; i++) {
                long t = result.grid().epochSecond(i);
                line.utc(t).put((byte) ',').local(t);
                for (int k = 0; k < sites.size(); k++) {
                    SiteResult s = sites.get(k);
                    line.put((byte) ',').decimal(s.windKw()[i]);
                    line.put((byte) ',').decimal(s.pvKw()[i]);
                    line.put((byte) ',').decimal(s.loadKw()[i]);
                    line.put((byte) ',').decimal(s.batteryKw()[i]);
                    line.put((byte) ',').decimal(s.gridKw()[i]);
                    line.put((byte) ',').decimal(s.unmetKw()[i]);
                    line.put((byte) ',').decimal(s.curtailedKw()[i]);
                    line.put((byte) ',').decimal(s.socFraction()[i]);
                    if (island[k]) {
                        line.put((byte) ',').ascii(s.island().stateAt(i).key());
                        line.put((byte) ',').number(s.island().shedLevel()[i]);
                        line.put((byte) ',').decimal(s.island().unmetCriticalKw()[i]);
                        line.put((byte) ',').decimal(s.island().unmetPriorityKw()[i]);
                    }
                }
                line.put((byte) '\n').flushIfFull(out, reserve);
            }
            line.flush(out);
        }
    }
}
