package org.gridtwin.model;

/**
 * Costs and financing of a project, for the planning tools. Money in yuan, rates as fractions per year.
 * Defaults (docs/data-sources.md, "Economics"): Chinese 2024 price levels as assumptions. Fixed O&amp;M,
 * replacement cost and variable O&amp;M are per asset; a scenario's shared keys set all assets at once.
 *
 * @param projectYears               project life
 * @param realDiscountRate           real discount rate
 * @param pvYuanPerKw                PV capital per kW DC
 * @param batteryYuanPerKwh          battery capital per kWh
 * @param batteryYuanPerKw           battery power conversion capital per kW
 * @param windYuanPerKw              wind capital per kW rated
 * @param pvOmFractionPerYear        PV fixed O&amp;M per year as a share of its capital
 * @param windOmFractionPerYear      wind fixed O&amp;M per year as a share of its capital
 * @param batteryOmFractionPerYear   battery fixed O&amp;M per year as a share of its capital
 * @param pvLifetimeYears            PV life
 * @param windLifetimeYears          wind life
 * @param batteryCalendarYears       battery calendar life
 * @param batteryCycleLife           equivalent full cycles before replacement
 * @param pvReplacementFraction      PV replacement cost as a share of its capital (prices fall)
 * @param windReplacementFraction    wind replacement cost as a share of its capital
 * @param batteryReplacementFraction battery replacement cost as a share of its capital
 * @param capitalGrantYuan           grant against the capital
 * @param subsidyYuanPerKwh          subsidy per kWh of renewable generation
 * @param pvVariableOmYuanPerKwh     variable O&amp;M per kWh of PV generation
 * @param windVariableOmYuanPerKwh   variable O&amp;M per kWh of wind generation
 */
public record Economics(int projectYears, double realDiscountRate, double pvYuanPerKw, double batteryYuanPerKwh,
        double batteryYuanPerKw, double windYuanPerKw, double pvOmFractionPerYear, double windOmFractionPerYear,
        double batteryOmFractionPerYear, double pvLifetimeYears, double windLifetimeYears,
        double batteryCalendarYears, double batteryCycleLife, double pvReplacementFraction,
        double windReplacementFraction, double batteryReplacementFraction, double capitalGrantYuan,
        double subsidyYuanPerKwh, double pvVariableOmYuanPerKwh, double windVariableOmYuanPerKwh) {

    public static final Economics DEFAULT = new Economics(25, 0.06, 3500, 1000, 300, 5000, 0.015, 0.015, 0.015, 25,
            20, 15, 6000, 0.8, 0.8, 0.8, 0, 0, 0, 0);

    /** Shared scenario keys and the per-asset field whose default stands for them. */
    private static final java.util.Map<String, String> SHARED = java.util.Map.of(
            "om_fraction_per_year", "pv_om_fraction_per_year",
            "replacement_fraction", "pv_replacement_fraction",
            "variable_om_yuan_per_kwh", "pv_variable_om_yuan_per_kwh");

    /**
     * The default of a scenario key of the {@code economics:} block ({@code wind_yuan_per_kw} → 5000), for inputs
     * varied while the scenario leaves them at their defaults; empty for keys without a single default.
     */
    public static java.util.OptionalDouble defaultOf(String key) {
        key = SHARED.getOrDefault(key, key);
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        for (java.lang.reflect.RecordComponent c : Economics.class.getRecordComponents()) {
            if (c.getName().contentEquals(camel)) {
                try {
                    return java.util.OptionalDouble.of(((Number) c.getAccessor().invoke(DEFAULT)).doubleValue());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return java.util.OptionalDouble.empty();
    }
}
