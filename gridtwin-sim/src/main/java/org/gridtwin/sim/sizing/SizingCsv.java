package org.gridtwin.sim.sizing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code sizing.csv}: one row per configuration, the column names of the planning contract. */
public final class SizingCsv {
    public static final String HEADER = "pv_kw,battery_kwh,battery_kw,turbines,grid_limit_kw,npc_yuan,"
            + "lcoe_yuan_per_kwh,renewable_fraction,co2_t_per_year,feasible,reason,rank,pareto";

    private SizingCsv() {
    }

    public static void write(List<SizingRow> rows, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SizingRow r : rows) {
            SearchSpace.Config c = r.config();
            sb.append(c.pvKw()).append(',').append(c.batteryKwh()).append(',').append(c.batteryKw()).append(',')
                    .append(c.turbines()).append(',').append(c.gridLimitKw()).append(',').append(r.npcYuan())
                    .append(',').append(r.lcoeYuanPerKwh()).append(',').append(r.renewableFraction()).append(',')
                    .append(r.co2TPerYear()).append(',').append(r.feasible()).append(',')
                    .append('"').append(r.reason().replace("\"", "'")).append('"').append(',').append(r.rank())
                    .append(',').append(r.pareto()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
