package org.gridtwin.model;

/**
 * A PV array with its inverter; each step of its chain has a selectable model.
 *
 * @param id                       unique within the site
 * @param capacityKwDc             DC nameplate at standard test conditions, kW
 * @param inverterKwAc             inverter AC rating, kW (output is clipped to it)
 * @param tiltDeg                  tilt from horizontal, degrees
 * @param azimuthDeg               azimuth the array faces, degrees clockwise from north (180 = south)
 * @param systemLossFraction       DC losses (soiling, wiring, mismatch, availability), PVWatts default 0.14
 * @param temperatureCoefficientPerC relative DC power change per °C of cell temperature (negative)
 * @param albedo                   ground reflectance for the transposition
 * @param models                   the model of each step of the PV chain
 * @param mounting                 fixed or tracking
 */
public record PvArray(String id, double capacityKwDc, double inverterKwAc, double tiltDeg, double azimuthDeg,
        double systemLossFraction, double temperatureCoefficientPerC, double albedo, PvModels models,
        Mounting mounting) {

    /** A fixed-tilt array with the PVWatts-style chain. */
    public PvArray(String id, double capacityKwDc, double inverterKwAc, double tiltDeg, double azimuthDeg,
            double systemLossFraction, double temperatureCoefficientPerC, double albedo) {
        this(id, capacityKwDc, inverterKwAc, tiltDeg, azimuthDeg, systemLossFraction, temperatureCoefficientPerC,
                albedo, PvModels.PVWATTS, Mounting.FIXED);
    }
}
