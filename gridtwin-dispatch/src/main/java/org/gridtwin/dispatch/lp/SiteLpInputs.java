package org.gridtwin.dispatch.lp;

/**
 * Everything the dispatch LP of one site needs over a horizon of {@code steps()} steps, as primitive arrays.
 * Signs as everywhere: power into the bus is positive.
 *
 * @param stepHours           step length, h
 * @param renewableKw         available wind + PV per step, kW
 * @param loadKw              demand per step, kW (negative when loads regenerate)
 * @param importPrice         import price per step, yuan/kWh
 * @param feedInPrice         export price, yuan/kWh
 * @param emissionTPerMwh     grid emission factor per step, t/MWh
 * @param month               month index per step (for the monthly demand charge)
 * @param importLimitKw       import limit, kW
 * @param exportLimitKw       export limit, kW
 * @param battery             the battery, or {@code null}
 * @param initialKwh          stored energy at the start, kWh
 * @param terminalAtLeastKwh  stored energy required at the end, kWh (NaN for none)
 * @param peakSoFarKw         import peak already reached in each month index before the horizon, kW
 * @param costs               prices of the objective's terms
 */
public record SiteLpInputs(double stepHours, double[] renewableKw, double[] loadKw, double[] importPrice,
        double feedInPrice, double[] emissionTPerMwh, int[] month, double importLimitKw, double exportLimitKw,
        Battery battery, double initialKwh, double terminalAtLeastKwh, double[] peakSoFarKw, Costs costs) {

    public int steps() {
        return loadKw.length;
    }

    /** What a kWh imported in step t costs: the tariff plus the carbon price on its emissions, yuan/kWh. */
    public double importCost(int t) {
        return importPrice[t] + costs.carbonPriceYuanPerT() * emissionTPerMwh[t] / 1000;
    }

    /**
     * What a kWh exported in step t earns in the LP: the feed-in price, but never more than a kWh imported in the
     * same step costs. A site has one meter, so importing and exporting in one step nets out; were export worth
     * more (a 0.4153 yuan/kWh feed-in against a 0.35 valley), the LP would buy and sell at once for a profit the
     * meter never pays: on the Chuanshan port's year the uncapped LP's optimum was 5.79 M yuan where the engine
     * measured 8.59 M for its plan. Capped, such a trade earns nothing, and the LP's optimum (8.77 M) is an upper
     * bound of the plan's measured cost: the engine pays the full feed-in on the plan's real exports.
     */
    public double exportPrice(int t) {
        return Math.min(feedInPrice, importCost(t));
    }

    /**
     * Battery parameters in the engine's bucket model.
     *
     * @param minKwh             SoC floor, kWh
     * @param maxKwh             SoC ceiling, kWh
     * @param keptPerStep        share of the energy above the floor kept over one step of self-discharge
     */
    public record Battery(double chargeKw, double dischargeKw, double chargeEfficiency, double dischargeEfficiency,
            double minKwh, double maxKwh, double keptPerStep) {
    }

    /**
     * Prices of the objective's terms.
     *
     * @param demandChargeYuanPerKwMonth monthly charge on the highest import of the month
     * @param degradationYuanPerKwh      battery wear per kWh of throughput ((charge + discharge) / 2)
     * @param carbonPriceYuanPerT        price on the CO2 of imported energy (0 = none)
     * @param unmetPenaltyYuanPerKwh     value of lost load: heavily penalises unserved demand
     */
    public record Costs(double demandChargeYuanPerKwMonth, double degradationYuanPerKwh, double carbonPriceYuanPerT,
            double unmetPenaltyYuanPerKwh) {
    }
}
