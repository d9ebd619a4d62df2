package org.gridtwin.model;

/**
 * A battery energy storage system. Power is measured at the site bus (AC side).
 *
 * @param energyKwh              usable nameplate energy, kWh
 * @param chargeKw               maximum charging power drawn from the bus, kW
 * @param dischargeKw            maximum discharging power delivered to the bus, kW
 * @param chargeEfficiency       share of bus energy that reaches the cells when charging, (0, 1]
 * @param dischargeEfficiency    share of cell energy that reaches the bus when discharging, (0, 1]
 * @param socMinFraction         lowest allowed state of charge
 * @param socMaxFraction         highest allowed state of charge
 * @param socInitialFraction     state of charge at the start of the simulation
 * @param selfDischargePerDay    share of stored energy lost per day at rest
 */
public record Battery(double energyKwh, double chargeKw, double dischargeKw, double chargeEfficiency,
        double dischargeEfficiency, double socMinFraction, double socMaxFraction, double socInitialFraction,
        double selfDischargePerDay) {
}
