package org.gridtwin.sim;

import org.gridtwin.dispatch.optimal.PlanningStrategy;

/**
 * The dispatch of one site, columnar, one value per step. Power in kW with the project's sign convention
 * (positive into the site bus). At every step {@code wind + pv + battery + grid + unmet = load}.
 *
 * @param inputs        what the site was given
 * @param strategy      name of the strategy that ran it
 * @param windKw        wind power delivered (after curtailment)
 * @param pvKw          PV power delivered (after curtailment)
 * @param loadKw        demand served or unmet
 * @param batteryKw     battery power, + discharge, − charge
 * @param gridKw        grid power, + import, − export
 * @param unmetKw       demand that could not be served
 * @param curtailedKw   renewable power available but not used
 * @param socFraction   state of charge at the end of the step (0 without a battery)
 * @param optimiser     how an optimising strategy's plans went, or {@code null} for rules
 * @param island        islanding per step: state, shed tiers, unserved demand by tier
 * @param reserveCostYuan what the islanding reserve cost over the run (total cost with it minus without), 0 when
 *                      the site keeps none or it was not computed
 */
public record SiteResult(SiteInputs inputs, String strategy, double[] windKw, double[] pvKw, double[] loadKw,
        double[] batteryKw, double[] gridKw, double[] unmetKw, double[] curtailedKw, double[] socFraction,
        PlanningStrategy.Outcome optimiser, IslandSeries island, double reserveCostYuan) {

    /** This result with the reserve's cost. */
    public SiteResult withReserveCost(double yuan) {
        return new SiteResult(inputs, strategy, windKw, pvKw, loadKw, batteryKw, gridKw, unmetKw, curtailedKw,
                socFraction, optimiser, island, yuan);
    }

    public String siteId() {
        return inputs.site().id();
    }

    public int steps() {
        return windKw.length;
    }
}
