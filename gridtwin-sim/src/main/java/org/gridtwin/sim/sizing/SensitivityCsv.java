package org.gridtwin.sim.sizing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code sensitivity.csv}: one row per case with its best configuration (empty when none is feasible). */
public final class SensitivityCsv {
    public static final String HEADER = "parameter,value,base_value,change_percent,feasible_configurations,pv_kw,"
            + "battery_kwh,battery_kw,turbines,grid_limit_kw,npc_yuan,lcoe_yuan_per_kwh,renewable_fraction,"
            + "co2_t_per_year";

    private SensitivityCsv() {
    }

    public static void write(List<Sensitivity.Case> cases, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Sensitivity.Case c : cases) {
            sb.append('"').append(c.path()).append('"').append(',').append(c.value()).append(',')
                    .append(c.baseValue()).append(',').append(c.changePercent()).append(',').append(c.feasible());
            SizingRow r = c.best();
            if (r == null) {
                sb.append(",,,,,,,,,");
            } else {
                SearchSpace.Config k = r.config();
                sb.append(',').append(k.pvKw()).append(',').append(k.batteryKwh()).append(',').append(k.batteryKw())
                        .append(',').append(k.turbines()).append(',').append(k.gridLimitKw()).append(',')
                        .append(r.npcYuan()).append(',').append(r.lcoeYuanPerKwh()).append(',')
                        .append(r.renewableFraction()).append(',').append(r.co2TPerYear());
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
