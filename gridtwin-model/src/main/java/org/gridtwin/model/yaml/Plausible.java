package org.gridtwin.model.yaml;

/**
 * Plausible ranges for the physical and money quantities of a scenario (docs/scenario-format.md, "Plausible
 * ranges"). Each bound is far beyond any real asset of its kind, so a real site never meets one, while a value that
 * breaks it — a slip of the exponent, a unit read in W instead of kW — is stopped before it overflows a sum or a
 * chart. Figures behind the bounds: the largest wind turbines rate 26 MW; the largest single PV bases and
 * industrial connections are a few GW; the largest battery plants hold a few GWh.
 */
public final class Plausible {
    /** Any power of one site: PV, inverters, battery, grid limits, loads. 10 GW. */
    public static final double SITE_KW = 10_000_000;
    /** One site's battery. 100 GWh. */
    public static final double BATTERY_KWH = 100_000_000;
    /** A site's annual energy. 100 TWh, 11 GW all year. */
    public static final double ANNUAL_KWH = 1e11;
    /** A price of energy, yuan (or the currency) per kWh. */
    public static final double PRICE_PER_KWH = 100;
    /** A capital cost per kW or kWh. */
    public static final double CAPEX_PER_UNIT = 1_000_000;

    public static final NumberRule SITE_POWER = NumberRule.positiveUpTo(SITE_KW, "kW");
    public static final NumberRule SITE_POWER_OR_ZERO = NumberRule.upTo(SITE_KW, "kW");
    public static final NumberRule BATTERY_ENERGY = NumberRule.positiveUpTo(BATTERY_KWH, "kWh");
    public static final NumberRule BATTERY_ENERGY_OR_ZERO = NumberRule.upTo(BATTERY_KWH, "kWh");
    public static final NumberRule ANNUAL_ENERGY = NumberRule.positiveUpTo(ANNUAL_KWH, "kWh");
    /** One turbine; the largest built rate 26 MW. */
    public static final NumberRule TURBINE_POWER = NumberRule.positiveUpTo(30_000, "kW");
    public static final NumberRule HEIGHT_M = NumberRule.positiveUpTo(300, "m");
    public static final NumberRule ROTOR_M = NumberRule.positiveUpTo(400, "m");
    public static final NumberRule WIND_SPEED = NumberRule.upTo(60, "m/s");
    public static final NumberRule POSITIVE_WIND_SPEED = NumberRule.positiveUpTo(60, "m/s");
    public static final NumberRule PRICE = NumberRule.upTo(PRICE_PER_KWH, "per kWh");
    public static final NumberRule CAPEX = NumberRule.upTo(CAPEX_PER_UNIT, "per unit");
    public static final NumberRule LIFETIME_YEARS = NumberRule.positiveUpTo(100, "years");
    /** A crane's hoist, a quay crane's included (about 2.4 MW). */
    public static final NumberRule CRANE_POWER = NumberRule.positiveUpTo(10_000, "kW");
    public static final NumberRule DRIVE_POWER = NumberRule.upTo(10_000, "kW");
    public static final NumberRule PER_PLUG_POWER = NumberRule.upTo(100, "kW");
    public static final NumberRule PER_MOVE_ENERGY = NumberRule.positiveUpTo(1_000, "kWh");
    public static final NumberRule PER_HOUSEHOLD_ENERGY = NumberRule.positiveUpTo(100_000, "kWh");
    public static final NumberRule PER_CAR_ENERGY = NumberRule.positiveUpTo(100_000, "kWh");
    /** A published figure in its own unit (kWh, t, yuan, days). */
    public static final NumberRule REPORTED_VALUE = NumberRule.upTo(1e15, "");
    public static final NumberRule MONEY = NumberRule.upTo(1e13, "");

    private Plausible() {
    }
}
