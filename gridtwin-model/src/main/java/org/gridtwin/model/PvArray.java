package org.gridtwin.model;

/**
 * A fixed-tilt PV array with its inverter, modelled PVWatts-style.
 *
 * @param id                       unique within the site
 * @param capacityKwDc             DC nameplate at standard test conditions, kW
 * @param inverterKwAc             inverter AC rating, kW (output is clipped to it)
 * @param tiltDeg                  tilt from horizontal, degrees
 * @param azimuthDeg               azimuth the array faces, degrees clockwise from north (180 = south)
 * @param systemLossFraction       DC losses (soiling, wiring, mismatch, availability), PVWatts default 0.14
 * @param temperatureCoefficientPerC relative DC power change per °C of cell temperature (negative)
 * @param albedo                   ground reflectance for the transposition
 */
public record PvArray(String id, double capacityKwDc, double inverterKwAc, double tiltDeg, double azimuthDeg,
        double systemLossFraction, double temperatureCoefficientPerC, double albedo) {
}
