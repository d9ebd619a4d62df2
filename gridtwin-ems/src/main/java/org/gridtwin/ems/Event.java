package org.gridtwin.ems;

import java.time.Instant;

/**
 * Something the live harness did or saw that an operator should know.
 *
 * @param kind   what happened
 * @param detail one line for humans, with the numbers
 */
public record Event(Instant time, String siteId, Kind kind, String detail) {
    public enum Kind {
        /** a setpoint clipped to the battery's ratings or SoC window */
        CLIP,
        /** a setpoint held back by the rate-of-change limit */
        RAMP,
        /** load the site could not serve */
        UNMET,
        /** measurements too old to act on: the battery was held at 0 kW */
        STALE
    }
}
