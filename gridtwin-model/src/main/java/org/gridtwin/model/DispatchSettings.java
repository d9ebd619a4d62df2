package org.gridtwin.model;

/**
 * Which rule runs a site's battery, and the rules' parameters.
 *
 * @param strategy                     strategy name, e.g. {@code self-consumption}
 * @param importCapKw                  peak shaving: the grid import the battery tries to stay under, kW
 * @param cycleChargingSetpointFraction cycle charging: the state of charge grid charging stops at
 * @param costs                        the money terms every strategy is judged by (and the LP minimises)
 */
public record DispatchSettings(String strategy, double importCapKw, double cycleChargingSetpointFraction,
        Costs costs) {

    /** Settings with no demand charge, wear or carbon price. */
    public DispatchSettings(String strategy, double importCapKw, double cycleChargingSetpointFraction) {
        this(strategy, importCapKw, cycleChargingSetpointFraction, Costs.NONE);
    }

    /**
     * Cost terms beyond the energy tariff.
     *
     * @param demandChargeYuanPerKwMonth charge on each month's highest import, yuan/kW
     * @param degradationYuanPerKwh      battery wear per kWh of throughput, (charge + discharge) / 2
     * @param carbonPriceYuanPerT        price of the CO2 of imported energy, yuan/t
     * @param unmetPenaltyYuanPerKwh     value of lost load used by the optimiser, yuan/kWh
     */
    public record Costs(double demandChargeYuanPerKwMonth, double degradationYuanPerKwh, double carbonPriceYuanPerT,
            double unmetPenaltyYuanPerKwh) {
        public static final Costs NONE = new Costs(0, 0, 0, 50);
    }

    /** The strategy names a scenario may use; the dispatch module's registry provides exactly these. */
    public static final java.util.List<String> KNOWN_STRATEGIES = java.util.List.of("self-consumption",
            "peak-shaving", "tou-arbitrage", "cycle-charging", "optimal-foresight", "mpc");

    public static final String DEFAULT_STRATEGY = "self-consumption";
}
