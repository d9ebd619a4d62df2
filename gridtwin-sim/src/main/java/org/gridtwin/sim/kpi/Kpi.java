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
        double carbonCostYuan, double totalCostYuan, double gridCo2T, List<MonthlyEnergy> monthly,
        ResilienceKpi resilience) {

    public Kpi {
        monthly = List.copyOf(monthly);
    }

    /** Renewable energy delivered to the bus (wind + PV after curtailment), kWh. */
    public double greenKwh() {
        return windKwh + pvKwh;
    }

    /**
     * Energies of one calendar month, kWh, with its peak import and its bill.
     *
     * @param month                   local year-month, e.g. "2024-01"
     * @param peakImportKw            the month's highest import, kW (the fleet's: coincident across sites)
     * @param importCostYuanByPeriod  what the imports cost in each tariff period that occurred, yuan
     * @param exportRevenueYuan       what the exports earned at the feed-in price, yuan
     */
    public record MonthlyEnergy(String month, double windKwh, double pvKwh, double loadKwh, double gridImportKwh,
            double gridExportKwh, double batteryChargeKwh, double batteryDischargeKwh, double curtailedKwh,
            double unmetKwh, double peakImportKw, java.util.Map<org.gridtwin.model.Tariff.PeriodType, Double>
            importCostYuanByPeriod, double exportRevenueYuan) {

        public MonthlyEnergy {
            importCostYuanByPeriod = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(
                    importCostYuanByPeriod.isEmpty() ? java.util.Map.of(org.gridtwin.model.Tariff.PeriodType.FLAT,
                            0.0) : importCostYuanByPeriod));
        }

        /** The energy bill of the month: imports at their tariff, yuan. */
        public double importCostYuan() {
            return importCostYuanByPeriod.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
