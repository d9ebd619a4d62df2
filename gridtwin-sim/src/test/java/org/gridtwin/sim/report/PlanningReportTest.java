package org.gridtwin.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridtwin.model.Economics;
import org.gridtwin.sim.economics.ProjectEconomics;
import org.gridtwin.sim.sizing.SearchSpace;
import org.gridtwin.sim.sizing.SizingRow;
import org.junit.jupiter.api.Test;

class PlanningReportTest {

    static SizingRow row(double pv, double npc, double co2, boolean feasible, String reason, int rank, boolean front) {
        return new SizingRow(new SearchSpace.Config(pv, 0, 100, 0, 500), npc, 0.4, 0.3, co2, feasible, reason, rank,
                front);
    }

    @Test
    void reportShowsTheBestRowsTheFrontTheCashFlowsAndWhyRowsFailed() {
        List<SizingRow> rows = List.of(row(100, 1_000_000, 50, true, "", 1, true),
                row(200, 1_100_000, 40, true, "", 2, true), row(300, 1_200_000, 45, true, "", 3, false),
                row(0, 900_000, 60, false, "renewable fraction 0.000 < 0.200", 0, false),
                row(10, 950_000, 58, false, "renewable fraction 0.021 < 0.200", 0, false));
        // Hand-made flows: invest 1,000 in year 0, pay 100 a year for 2 years against a grid-only 600 a year:
        // savings -1,000, +500, +500; cumulative 0 after year 2
        ProjectEconomics p = new ProjectEconomics(2, 0.0, 0, 0);
        double[] system = {1000, 100, 100};
        double[] baseline = {0, 600, 600};
        ProjectEconomics.Result best = p.evaluate(system, baseline, 1000);
        String html = PlanningReport.html("ningbo / port", "exhaustive", Economics.DEFAULT, rows, best, baseline);
        assertThat(html).contains("5 configurations (exhaustive), 3 feasible, 2 on the cost/CO2 Pareto front")
                .contains("<td class=\"n\">1,000,000</td>").contains("data:image/png;base64,")
                // at 0 % the NPC is the plain sum 1,200 and the payback exactly 2 years
                .contains("<th>Net present cost, yuan</th><td class=\"n\">1,200</td>")
                .contains("<th>Simple payback, years</th><td class=\"n\">2.0</td>")
                .contains("<tr><td class=\"n\">2</td><td class=\"n\">100</td><td class=\"n\">600</td>"
                        + "<td class=\"n\">500</td><td class=\"n\">0</td></tr>")
                // both failures count under one constraint
                .contains("<td>renewable fraction &lt; 0.200</td><td class=\"n\">2</td>");
        // three feasible rows in the table, the infeasible ones not
        assertThat(html.split("<h2>Best configurations")[1].split("</table>")[0].split("<tr><td").length - 1)
                .isEqualTo(3);
    }

    @Test
    void withoutAFeasibleConfigurationTheReportSaysSo() {
        List<SizingRow> rows = List.of(row(0, 900_000, 60, false, "renewable fraction 0.000 < 0.200", 0, false));
        String html = PlanningReport.html("x", "optimiser", Economics.DEFAULT, rows, null, new double[26]);
        assertThat(html).contains("No configuration meets the constraints").doesNotContain("data:image/png");
    }
}
