package org.gridtwin.ems;

import java.time.Instant;
import java.util.Map;

/**
 * Something the live harness did or saw that an operator should know.
 *
 * @param siteId the site, or {@link #FLEET} for what concerns every site (the telemetry store)
 * @param kind   what happened
 * @param detail one line for humans, in English, with the numbers
 * @param values the numbers (and names) of the detail by name, units in the names ({@code requested_kw}), numbers
 *               written with {@link java.util.Locale#ROOT}: what a page in another language builds its own sentence
 *               from; empty for events from before values were kept
 */
public record Event(Instant time, String siteId, Kind kind, String detail, Map<String, String> values) {
    public Event {
        values = Map.copyOf(values);
    }

    /** The site id of events about the whole fleet. */
    public static final String FLEET = "fleet";

    /** How much an event asks of an operator. */
    public enum Severity {
        /** routine: the harness did its job (a setpoint clipped to what the battery can do) */
        INFO,
        /** worth a look: something degraded but under control */
        WARNING,
        /** act: load unserved, data lost or stale, equipment not under control */
        ALARM
    }

    public enum Kind {
        /** a setpoint clipped to the battery's ratings or SoC window */
        CLIP(Severity.INFO),
        /** a setpoint held back by the rate-of-change limit */
        RAMP(Severity.INFO),
        /** load the site could not serve */
        UNMET(Severity.ALARM),
        /** measurements too old to act on: the battery was held at 0 kW */
        STALE(Severity.ALARM),
        /** the telemetry store refused writes, or accepts them again */
        STORE(Severity.ALARM),
        /** a field device stopped answering, sent bad data, or answers again */
        DEVICE(Severity.ALARM),
        /** wind and PV limited to keep export within the grid connection's limit */
        CURTAIL(Severity.INFO),
        /** an operator's instruction took effect or ended */
        OPERATOR(Severity.WARNING),
        /** the grid was lost: the site islanded or went dark, or the island shed a tier */
        ISLAND(Severity.ALARM),
        /** back towards normal: a black start, a tier restored, the site resynchronised with the grid */
        RESTORE(Severity.WARNING);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    /** A power for {@link #values}: one decimal, as the detail writes it. */
    public static String kw(double kw) {
        return String.format(java.util.Locale.ROOT, "%.1f", kw);
    }

    public Severity severity() {
        return kind.severity();
    }
}
