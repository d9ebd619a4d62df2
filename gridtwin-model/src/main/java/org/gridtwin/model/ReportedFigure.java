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
    }
}
