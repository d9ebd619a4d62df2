package org.gridtwin.model;

/**
 * The point of connection to the public grid.
 *
 * @param importLimitKw          maximum import, kW
 * @param exportLimitKw          maximum export, kW (0 = no export allowed)
 * @param tariff                 the import tariff
 * @param feedInYuanPerKwh       price paid for exported energy, yuan/kWh
 * @param emissionFactor         CO2 intensity of imported grid energy
 */
public record GridConnection(double importLimitKw, double exportLimitKw, Tariff tariff, double feedInYuanPerKwh,
        EmissionFactor emissionFactor) {
}
