package org.gridtwin.model;

import java.time.Instant;
import java.util.List;

/**
 * What goes wrong at a site over a run: grid outages (fixed windows, or drawn from reliability rates), forced
 * outages of turbines, PV inverters and the battery, and windows in which the battery is unavailable. Random events
 * are drawn with {@code seed}, so a run is repeatable.
 *
 * @param gridOutages         fixed grid outages
 * @param randomGridOutages   outages drawn from SAIFI/SAIDI-style rates, or {@code null}
 * @param forcedOutages       forced outages of the site's assets
 * @param batteryUnavailable  fixed windows in which the battery can neither charge, discharge nor form an island
 * @param seed                seeds every random draw of this site's events
 */
public record FaultEvents(List<Window> gridOutages, RandomOutages randomGridOutages, List<ForcedOutage> forcedOutages,
        List<Window> batteryUnavailable, long seed) {

    public static final FaultEvents NONE = new FaultEvents(List.of(), null, List.of(), List.of(), 0);

    public FaultEvents {
        gridOutages = List.copyOf(gridOutages);
        forcedOutages = List.copyOf(forcedOutages);
        batteryUnavailable = List.copyOf(batteryUnavailable);
    }

    public boolean isEmpty() {
        return gridOutages.isEmpty() && randomGridOutages == null && forcedOutages.isEmpty()
                && batteryUnavailable.isEmpty();
    }

    /** A window of time, [start, start + seconds). */
    public record Window(Instant start, long seconds) {
        public Instant end() {
            return start.plusSeconds(seconds);
        }
    }

    /**
     * Outages arriving as a Poisson process: {@code saifiPerYear} interruptions a year (SAIFI) totalling
     * {@code saidiHoursPerYear} hours (SAIDI), so each lasts on average SAIDI / SAIFI hours (exponential).
     */
    public record RandomOutages(double saifiPerYear, double saidiHoursPerYear) {
        public double meanHours() {
            return saidiHoursPerYear / saifiPerYear;
        }
    }

    /**
     * Forced outages of one asset: each unit (a turbine of a wind farm, a PV array's inverter, the battery) fails
     * {@code perYear} times a year on average and is repaired after an exponential time with mean
     * {@code meanTimeToRepairHours}.
     *
     * @param asset the id of a wind farm or PV array of the site, or {@code battery}
     */
    public record ForcedOutage(String asset, double perYear, double meanTimeToRepairHours) {
    }
}
