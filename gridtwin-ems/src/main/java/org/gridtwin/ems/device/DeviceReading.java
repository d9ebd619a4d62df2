package org.gridtwin.ems.device;

import java.time.Instant;

/**
 * What one field device reported at one poll, in the site bus's units and signs: every power and counter is seen
 * from the bus, positive into it (PV and wind production, battery discharge, grid import; a load meter's
 * consumption is negative power and counts as energy out of the bus). NaN where the device does not report it.
 *
 * @param time         when the device answered
 * @param powerKw      active power into the bus, kW
 * @param reactiveKvar reactive power, kvar
 * @param toBusKwh     energy counter into the bus (produced, discharged, imported), kWh
 * @param fromBusKwh   energy counter out of the bus (charged, exported, consumed), kWh
 * @param socFraction  a battery's state of charge, 0..1
 * @param voltageV     phase voltage, V
 * @param frequencyHz  frequency, Hz
 * @param status       the device's operating state code as it reports it (SunSpec {@code St} / {@code ChaSt}), or -1
 * @param alarms       the device's alarm or event bits (SunSpec {@code Evt1}), 0 when none
 */
public record DeviceReading(Instant time, double powerKw, double reactiveKvar, double toBusKwh, double fromBusKwh,
        double socFraction, double voltageV, double frequencyHz, long status, long alarms) {

    /** A reading of power alone (the rest not reported). */
    public static DeviceReading power(Instant time, double powerKw) {
        return new DeviceReading(time, powerKw, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, -1, 0);
    }

    public DeviceReading withCounters(double toBus, double fromBus) {
        return new DeviceReading(time, powerKw, reactiveKvar, toBus, fromBus, socFraction, voltageV, frequencyHz,
                status, alarms);
    }

    public DeviceReading withSoc(double soc) {
        return new DeviceReading(time, powerKw, reactiveKvar, toBusKwh, fromBusKwh, soc, voltageV, frequencyHz,
                status, alarms);
    }
}
