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
 * @param measurementFaults   what the controller's measurements suffer: a device's communication lost, a sensor
 *                            gone bad (the live loop on twins; docs/resilience.md)
 */
public record FaultEvents(List<Window> gridOutages, RandomOutages randomGridOutages, List<ForcedOutage> forcedOutages,
        List<Window> batteryUnavailable, long seed, List<MeasurementFault> measurementFaults) {

    public static final FaultEvents NONE = new FaultEvents(List.of(), null, List.of(), List.of(), 0);

    public FaultEvents {
        gridOutages = List.copyOf(gridOutages);
        forcedOutages = List.copyOf(forcedOutages);
        batteryUnavailable = List.copyOf(batteryUnavailable);
        measurementFaults = List.copyOf(measurementFaults);
    }

    /** Events without measurement faults. */
    public FaultEvents(List<Window> gridOutages, RandomOutages randomGridOutages, List<ForcedOutage> forcedOutages,
            List<Window> batteryUnavailable, long seed) {
        this(gridOutages, randomGridOutages, forcedOutages, batteryUnavailable, seed, List.of());
    }

    public boolean isEmpty() {
        return gridOutages.isEmpty() && randomGridOutages == null && forcedOutages.isEmpty()
                && batteryUnavailable.isEmpty() && measurementFaults.isEmpty();
    }

    /** A measured quantity of the controller's view, as the devices file names it. */
    public enum Quantity implements KeyedEnum {
        WIND_KW("wind_kw"), PV_KW("pv_kw"), LOAD_KW("load_kw"), SOC_FRACTION("soc_fraction");

        private final String key;

        Quantity(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /**
     * How a measurement goes wrong: {@code LOST} (the device stops answering, or sends values the device layer
     * rejects: stale, NaN) keeps the last good value and its time, so the measurements age into the safety layer's
     * stale limit; {@code STUCK} keeps reporting the value it had when the fault began, on time, as a frozen sensor
     * does (nothing but plausibility could catch it).
     */
    public enum FaultMode { LOST, STUCK }

    /** One quantity's fault over a window. */
    public record MeasurementFault(Quantity quantity, FaultMode mode, Window window) {
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
