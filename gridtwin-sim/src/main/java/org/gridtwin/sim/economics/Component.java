package org.gridtwin.sim.economics;

/**
 * The money side of one asset.
 *
 * @param name               e.g. "battery"
 * @param capitalYuan        initial cost, paid in year 0
 * @param replacementYuan    cost of each replacement
 * @param lifetimeYears      life of the asset (for a battery the shorter of calendar and throughput life, see
 *                           {@link #batteryLifetimeYears})
 * @param fixedOmYuanPerYear operation and maintenance per year
 */
public record Component(String name, double capitalYuan, double replacementYuan, double lifetimeYears,
        double fixedOmYuanPerYear) {

    public Component {
        if (!(lifetimeYears > 0)) {
            throw new IllegalArgumentException(name + ": lifetime must be > 0 years, got " + lifetimeYears);
        }
    }

    /**
     * A battery wears out by calendar age or by throughput, whichever comes first:
     * {@code min(calendar years, lifetime throughput / annual throughput)} (HOMER's battery life).
     */
    public static double batteryLifetimeYears(double calendarYears, double lifetimeThroughputKwh,
            double annualThroughputKwh) {
        if (annualThroughputKwh <= 0) {
            return calendarYears;
        }
        return Math.min(calendarYears, lifetimeThroughputKwh / annualThroughputKwh);
    }

    /**
     * Replacement cost falling in each project year (index = year, 1..N): a purchase at each multiple of the
     * lifetime strictly before the project ends, paid in the year it falls in (a life of 7.5 years is replaced in
     * year 8).
     */
    public double[] replacementsByYear(int projectYears) {
        double[] out = new double[projectYears + 1];
        for (int k = 1; k * lifetimeYears < projectYears - 1e-9; k++) {
            out[(int) Math.ceil(k * lifetimeYears - 1e-9)] += replacementYuan;
        }
        return out;
    }

    /**
     * Salvage at the project's end: the replacement cost times the share of life left on the last purchase,
     * linear in time ({@code C_rep × R_rem / R_comp}, HOMER); 0 when the last purchase wears out exactly at the end.
     */
    public double salvageYuan(int projectYears) {
        double lastPurchase = 0;
        for (int k = 1; k * lifetimeYears < projectYears - 1e-9; k++) {
            lastPurchase = k * lifetimeYears;
        }
        double remaining = lastPurchase + lifetimeYears - projectYears;
        double cost = lastPurchase == 0 ? capitalYuan : replacementYuan;
        return remaining <= 1e-9 ? 0 : cost * remaining / lifetimeYears;
    }
}
