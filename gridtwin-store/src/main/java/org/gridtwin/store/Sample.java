package org.gridtwin.store;

import java.time.Instant;

/**
 * One control cycle of one site as measured after the limits: powers in kW, positive = into the site bus
 * (battery discharge, grid import).
 *
 * @param time    start of the cycle
 * @param seconds length of the cycle
 */
public record Sample(String siteId, Instant time, double seconds, double windKw, double pvKw, double loadKw,
        double batteryKw, double gridKw, double unmetKw, double socFraction) {
}
