package org.gridtwin.sim.economics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a system's yearly cash flows beside its baseline's: costs positive (money out), real yuan. */
public final class CashFlowCsv {
    public static final String HEADER = "year,system_yuan,baseline_yuan,savings_yuan,cumulative_savings_yuan,"
            + "discount_factor,discounted_savings_yuan,cumulative_discounted_savings_yuan";

    private CashFlowCsv() {
    }

    public static void write(double[] systemFlows, double[] baselineFlows, double realDiscountRate, Path file)
            throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        double cumulative = 0;
        double cumulativeDiscounted = 0;
        for (int y = 0; y < systemFlows.length; y++) {
            double saving = baselineFlows[y] - systemFlows[y];
            double factor = Finance.discountFactor(realDiscountRate, y);
            cumulative += saving;
            cumulativeDiscounted += saving * factor;
            sb.append(y).append(',').append(systemFlows[y]).append(',').append(baselineFlows[y]).append(',')
                    .append(saving).append(',').append(cumulative).append(',').append(factor).append(',')
                    .append(saving * factor).append(',').append(cumulativeDiscounted).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
