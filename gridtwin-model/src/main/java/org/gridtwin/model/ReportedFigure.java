package org.gridtwin.model;

import java.time.LocalDate;

/**
 * A published figure the report sets beside the model's own ("reported / simulated").
 *
 * @param metric what is compared; decides how the simulated side is computed
 * @param site   the site the figure is about
 * @param value  the published value, in {@code unit}
 * @param unit   unit as published (kWh, t, yuan, MWh)
 * @param label  one line for the report
 * @param source where it was published
 * @param since  start date for cumulative figures, else {@code null}
 * @param asOf   date a cumulative figure was counted to, else {@code null}
 */
public record ReportedFigure(Metric metric, String site, double value, String unit, String label, String source,
        LocalDate since, LocalDate asOf) {

    /** The comparisons the report knows how to simulate. */
    public enum Metric implements KeyedEnum {
        /** Wind generation accumulated from {@code since} to {@code as_of}; simulated at the simulated annual rate. */
        CUMULATIVE_WIND_KWH("cumulative_wind_kwh"),
        /** CO2 avoided by the site's reported cumulative wind generation, at the scenario's emission factor. */
        CO2_AVOIDED_T("co2_avoided_t"),
        /** Energy of the wind farm at full power for N days (value = days) against one month of the crane fleet. */
        FULL_POWER_DAYS_PER_CRANE_MONTH("full_power_days_per_crane_month"),
        /** Annual PV generation of the site. */
        ANNUAL_PV_KWH("annual_pv_kwh"),
        /** Annual income of the site's households from their PV. */
        HOUSEHOLD_INCOME_YUAN("household_income_yuan");

        private final String key;

        Metric(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        public static Metric fromKey(String key) {
            return KeyedEnum.fromKey(Metric.class, key);
        }

        /**
         * What the site lacks for this comparison to mean anything, as the end of a sentence, or {@code null} when
         * it has all of it: a figure about wind at a site without turbines has no simulated counterpart.
         */
        public String missingAt(Site site) {
            boolean wind = !site.wind().isEmpty();
            boolean pv = !site.pv().isEmpty();
            boolean yardCranes = site.loads().stream().anyMatch(l -> l instanceof LoadSpec.CraneFleet c
                    && c.kind() == LoadSpec.Kind.YARD);
            boolean households = site.loads().stream().anyMatch(l -> l instanceof LoadSpec.Households);
            return switch (this) {
                case CUMULATIVE_WIND_KWH -> wind ? null : "needs a wind farm at site " + site.id();
                case CO2_AVOIDED_T -> wind || pv ? null : "needs wind or PV at site " + site.id();
                case FULL_POWER_DAYS_PER_CRANE_MONTH -> wind && yardCranes ? null
                        : "needs a wind farm and a crane_fleet load at site " + site.id();
                case ANNUAL_PV_KWH -> pv ? null : "needs a PV array at site " + site.id();
                case HOUSEHOLD_INCOME_YUAN -> households && pv ? null
                        : "needs a households load and PV at site " + site.id();
            };
        }
    }
}
