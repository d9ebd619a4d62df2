package org.gridtwin.model;

/**
 * Which rule runs a site's battery, and the rules' parameters.
 *
 * @param strategy                     strategy name, e.g. {@code self-consumption}
 * @param importCapKw                  peak shaving: the grid import the battery tries to stay under, kW
 * @param cycleChargingSetpointFraction cycle charging: the state of charge grid charging stops at
 */
public record DispatchSettings(String strategy, double importCapKw, double cycleChargingSetpointFraction) {

    /** The strategy names a scenario may use; the dispatch module's registry provides exactly these. */
    public static final java.util.List<String> KNOWN_STRATEGIES =
            java.util.List.of("self-consumption", "peak-shaving", "tou-arbitrage", "cycle-charging");

    public static final String DEFAULT_STRATEGY = "self-consumption";
}
