package org.gridtwin.sim.economics;

import java.util.List;

/**
 * A system's costs over a project life, compared with a grid-only baseline.
 *
 * <p>Cost flows per year (positive = money out): year 0 the capital less grants; years 1..N fixed O&amp;M, the
 * year's operating cost (energy − export revenue + demand charges + wear + carbon, from one simulated year),
 * replacements in the years they fall, less the subsidy on renewable generation; year N less the salvage.
 *
 * @param projectYears          project life N
 * @param realDiscountRate      real discount rate i
 * @param capitalGrantYuan      grant paid against the capital in year 0
 * @param subsidyYuanPerKwh     subsidy per kWh of renewable generation
 */
public record ProjectEconomics(int projectYears, double realDiscountRate, double capitalGrantYuan,
        double subsidyYuanPerKwh) {

    /**
     * The results, HOMER's definitions.
     *
     * @param costFlowsYuan        yearly cost flows, index = year
     * @param netPresentCostYuan   Σ cost flows × discount factor
     * @param annualizedCostYuan   NPC × CRF(i, N)
     * @param lcoeYuanPerKwh       annualized cost / (load served + grid sales), per kWh
     * @param npvVsBaselineYuan    NPV of the savings against the baseline (baseline flows − system flows)
     * @param irr                  internal rate of return of those savings (NaN when they never repay)
     * @param simplePaybackYears   years until the undiscounted savings repay the extra investment
     * @param discountedPaybackYears the same with discounted savings
     */
    public record Result(double[] costFlowsYuan, double netPresentCostYuan, double annualizedCostYuan,
            double lcoeYuanPerKwh, double npvVsBaselineYuan, double irr, double simplePaybackYears,
            double discountedPaybackYears) {
    }

    /** Yearly cost flows of a system. */
    public double[] costFlows(List<Component> components, double annualOperatingCostYuan,
            double annualRenewableKwh) {
        int n = projectYears;
        double[] flows = new double[n + 1];
        flows[0] = -capitalGrantYuan;
        for (Component c : components) {
            flows[0] += c.capitalYuan();
            double[] replacements = c.replacementsByYear(n);
            for (int y = 1; y <= n; y++) {
                flows[y] += c.fixedOmYuanPerYear() + replacements[y];
            }
            flows[n] -= c.salvageYuan(n);
        }
        for (int y = 1; y <= n; y++) {
            flows[y] += annualOperatingCostYuan - subsidyYuanPerKwh * annualRenewableKwh;
        }
        return flows;
    }

    /**
     * Evaluates a system against a baseline (usually grid-only: no components, the baseline's operating cost).
     *
     * @param servedKwhPerYear load served plus grid sales per year, the LCOE's denominator
     */
    public Result evaluate(double[] systemFlows, double[] baselineFlows, double servedKwhPerYear) {
        double npc = Finance.npv(realDiscountRate, systemFlows);
        double annualized = npc * Finance.crf(realDiscountRate, projectYears);
        double[] savings = new double[systemFlows.length];
        for (int y = 0; y < savings.length; y++) {
            savings[y] = baselineFlows[y] - systemFlows[y];
        }
        return new Result(systemFlows.clone(), npc, annualized,
                servedKwhPerYear > 0 ? annualized / servedKwhPerYear : Double.NaN,
                Finance.npv(realDiscountRate, savings), Finance.irr(savings), Finance.paybackYears(savings, 0),
                Finance.paybackYears(savings, realDiscountRate));
    }
}
