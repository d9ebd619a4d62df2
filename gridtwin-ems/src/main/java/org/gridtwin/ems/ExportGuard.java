package org.gridtwin.ems;

import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.model.Site;

/**
 * Keeps a site's export within its grid connection's limit by limiting wind and PV, in the order the twins' bus
 * ({@code SiteBus}) follows physically: on surplus beyond the limit the battery's discharge is reduced first, then
 * the renewables are limited. A twin's bus curtails by itself; field inverters deliver what they are allowed to, so
 * the field harness writes the limits this computes (the "anti-backflow" control of Chinese C&amp;I PV).
 *
 * <p>The cap on wind + PV is {@code export limit + load − battery} (battery positive = discharge). It is split by
 * rating; a plant producing less than its share leaves the rest to the other (its measured power shows it), so a
 * calm turbine does not hold the PV down. Nothing is limited while the cap is above the plants' combined rating.
 *
 * <p>With the site's state unknown (stale or incomplete measurements) {@link #safeLimits} assumes the worst a
 * load can do, fall to 0: wind + PV together at most the export limit, split by rating.
 */
public final class ExportGuard {
    private final double exportLimitKw;
    private final double windRatedKw;
    private final double pvRatedKw;

    /**
     * @param exportLimitKw most the connection may export, kW (infinity for none)
     * @param windRatedKw   the wind plants' combined rating, kW
     * @param pvRatedKw     the PV plants' AC rating, kW
     */
    public ExportGuard(double exportLimitKw, double windRatedKw, double pvRatedKw) {
        if (!(exportLimitKw >= 0) || !(windRatedKw >= 0) || !(pvRatedKw >= 0)) {
            throw new IllegalArgumentException("export limit and ratings must be >= 0 kW, were " + exportLimitKw
                    + ", " + windRatedKw + ", " + pvRatedKw);
        }
        this.exportLimitKw = exportLimitKw;
        this.windRatedKw = windRatedKw;
        this.pvRatedKw = pvRatedKw;
    }

    public static ExportGuard of(Site site) {
        return new ExportGuard(site.grid().exportLimitKw(), site.windRatedKw(), site.pvRatedKwAc());
    }

    public double exportLimitKw() {
        return exportLimitKw;
    }

    /** Whether the plants together can export more than the limit at all (else the guard never acts). */
    public boolean canExceed() {
        return windRatedKw + pvRatedKw > exportLimitKw;
    }

    /**
     * The battery power after the first rule: a discharge into a surplus beyond the export limit is reduced (not
     * below 0), as the bus would.
     *
     * @param windKw  wind power now (measured or available), kW
     * @param pvKw    PV power now, kW
     * @param loadKw  load now, kW
     * @param batteryKw the battery setpoint, kW (positive = discharge)
     */
    public double batteryKw(double windKw, double pvKw, double loadKw, double batteryKw) {
        if (batteryKw <= 0) {
            return batteryKw;
        }
        double surplus = windKw + pvKw + batteryKw - loadKw;
        return surplus > exportLimitKw ? Math.max(0, batteryKw - (surplus - exportLimitKw)) : batteryKw;
    }

    /**
     * Lowers {@code out}'s wind and PV limits (never raises them) so that export stays within the limit with the
     * battery at {@code batteryKw}.
     *
     * @return the cap on wind + PV together, kW, or positive infinity when the guard limits nothing
     */
    public double limit(double windKw, double pvKw, double loadKw, double batteryKw, Setpoints out) {
        double cap = Math.max(0, exportLimitKw + loadKw - batteryKw);
        return split(cap, windKw, pvKw, out) ? cap : Double.POSITIVE_INFINITY;
    }

    /** The limits for a site whose state is unknown: wind + PV at most the export limit. */
    public boolean safeLimits(Setpoints out) {
        return split(exportLimitKw, windRatedKw, pvRatedKw, out);
    }

    private boolean split(double capKw, double windKw, double pvKw, Setpoints out) {
        double rated = windRatedKw + pvRatedKw;
        if (!(capKw < rated)) {
            return false;
        }
        double windShare = capKw * windRatedKw / rated;
        double pvShare = capKw - windShare;
        // a plant below its share leaves the rest to the other; both at or above it keep their shares
        double windLimit = windShare + Math.max(0, pvShare - pvKw);
        double pvLimit = pvShare + Math.max(0, windShare - windKw);
        // a limit at or above a plant's rating limits nothing: none is written
        out.limitRenewables(Math.min(out.windLimitKw(), windLimit >= windRatedKw && windRatedKw > 0
                ? Double.POSITIVE_INFINITY : Math.min(windLimit, windRatedKw)),
                Math.min(out.pvLimitKw(), pvLimit >= pvRatedKw && pvRatedKw > 0 ? Double.POSITIVE_INFINITY
                        : Math.min(pvLimit, pvRatedKw)));
        return true;
    }

    @Override
    public String toString() {
        return "ExportGuard[export ≤ " + exportLimitKw + " kW, wind " + windRatedKw + " kW, pv " + pvRatedKw + " kW]";
    }
}
