package org.gridtwin.sim.kpi;

import java.util.List;

/**
 * The key performance indicators of one site or of the fleet. Names mirror the keys of {@code summary.json};
 * every one is defined in docs/kpis.md. Indicators that do not apply to a site are 0.
 */
public record Kpi(double windKwh, double pvKwh, double loadKwh, double gridImportKwh, double gridExportKwh,
        double batteryChargeKwh, double batteryDischargeKwh, double curtailedKwh, double unmetKwh,
        double renewableFraction, double selfSufficiency, double peakImportKw, double energyCostYuan,
        double exportRevenueYuan, double co2AvoidedT, double emissionFactorTPerMwh, double windFullLoadHours,
        double equivalentFullCycles, double craneMonths, double householdYears, double carsProduced,
        double kwhPerCar, double householdIncomeYuan, double demandChargeYuan, double degradationCostYuan,
        double carbonCostYuan, double totalCostYuan, double gridCo2T, List<MonthlyEnergy> monthly) {

    public Kpi {
        monthly = List.copyOf(monthly);
    }

    /** Renewable energy delivered to the bus (wind + PV after curtailment), kWh. */
    public double greenKwh() {
        return windKwh + pvKwh;
    }

    /**
     * Energies of one calendar month, kWh.
     *
     * @param month local year-month, e.g. "2024-01"
     */
    public record MonthlyEnergy(String month, double windKwh, double pvKwh, double loadKwh, double gridImportKwh,
            double gridExportKwh, double batteryChargeKwh, double batteryDischargeKwh, double curtailedKwh,
            double unmetKwh) {
    }
}
