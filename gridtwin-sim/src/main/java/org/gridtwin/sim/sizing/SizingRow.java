package org.gridtwin.sim.sizing;

/**
 * One evaluated configuration: a row of {@code sizing.csv}.
 *
 * @param rank   1 = lowest net present cost among feasible rows; 0 for infeasible rows
 * @param pareto on the non-dominated front of net present cost against CO2 (feasible rows only)
 */
public record SizingRow(SearchSpace.Config config, double npcYuan, double lcoeYuanPerKwh, double renewableFraction,
        double co2TPerYear, boolean feasible, String reason, int rank, boolean pareto) {

    SizingRow ranked(int newRank, boolean onFront) {
        return new SizingRow(config, npcYuan, lcoeYuanPerKwh, renewableFraction, co2TPerYear, feasible, reason,
                newRank, onFront);
    }
}
