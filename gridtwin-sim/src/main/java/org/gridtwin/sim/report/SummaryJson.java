package org.gridtwin.sim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridtwin.model.Durations;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.ResilienceKpi;
import org.gridtwin.sim.kpi.ReportedComparison;
import org.gridtwin.sim.kpi.SimulationKpis;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code summary.json}, whose keys are the output contract documented in docs/kpis.md. */
public final class SummaryJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SummaryJson() {
    }

    public static ObjectNode tree(SimulationResult result, SimulationKpis kpis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", result.request().scenario().name());
        // a person reads local times; programs get the UTC instants beside them
        java.time.ZoneId zone = result.grid().zone();
        root.put("start", localTime(result.grid().start(), zone));
        root.put("end", localTime(result.grid().end(), zone));
        root.put("time_zone", zone.getId());
        root.put("start_utc", result.grid().start().toString());
        root.put("end_utc", result.grid().end().toString());
        root.put("step_seconds", result.grid().stepSeconds());
        root.put("step", Durations.format(java.time.Duration.ofSeconds(result.grid().stepSeconds())));
        root.put("steps", result.grid().steps());
        root.put("seed", result.request().seed());
        root.put("engine_seconds", result.engineSeconds());
        root.set("fleet", kpi(kpis.fleet()));
        ArrayNode sites = root.putArray("sites");
        for (int i = 0; i < result.sites().size(); i++) {
            SiteResult s = result.sites().get(i);
            ObjectNode site = sites.addObject();
            site.put("id", s.siteId());
            site.put("name", s.inputs().site().name());
            site.put("strategy", s.strategy());
            site.set("kpi", kpi(kpis.sites().get(i)));
            if (s.optimiser() != null) {
                ObjectNode opt = site.putObject("optimiser");
                opt.put("plans", s.optimiser().plans());
                opt.put("fallbacks", s.optimiser().fallbacks());
                opt.put("solve_seconds", s.optimiser().solveSeconds());
                opt.put("simultaneous_charge_discharge_steps", s.optimiser().simultaneousSteps());
                opt.put("message", s.optimiser().message());
                opt.put("solver", s.optimiser().solver());
            }
        }
        ArrayNode reported = root.putArray("reported");
        for (ReportedComparison.Row row : kpis.reported()) {
            ObjectNode r = reported.addObject();
            r.put("metric", row.figure().metric().key());
            r.put("site", row.figure().site());
            r.put("label", row.figure().label());
            r.put("unit", row.figure().unit());
            r.put("reported", row.figure().value());
            r.put("simulated", row.simulated());
            r.put("note", row.note());
            r.put("source", row.figure().source());
        }
        return root;
    }

    /** {@code 2024-01-01T00:00+08:00}: the local date-time with its offset. */
    public static String localTime(java.time.Instant t, java.time.ZoneId zone) {
        return java.time.OffsetDateTime.ofInstant(t, zone).toString();
    }

    static ObjectNode kpi(Kpi k) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("wind_kwh", k.windKwh());
        o.put("pv_kwh", k.pvKwh());
        o.put("load_kwh", k.loadKwh());
        o.put("grid_import_kwh", k.gridImportKwh());
        o.put("grid_export_kwh", k.gridExportKwh());
        o.put("battery_charge_kwh", k.batteryChargeKwh());
        o.put("battery_discharge_kwh", k.batteryDischargeKwh());
        o.put("curtailed_kwh", k.curtailedKwh());
        o.put("unmet_kwh", k.unmetKwh());
        o.put("renewable_fraction", k.renewableFraction());
        o.put("self_sufficiency", k.selfSufficiency());
        o.put("peak_import_kw", k.peakImportKw());
        o.put("energy_cost_yuan", k.energyCostYuan());
        o.put("export_revenue_yuan", k.exportRevenueYuan());
        o.put("co2_avoided_t", k.co2AvoidedT());
        o.put("emission_factor_t_per_mwh", k.emissionFactorTPerMwh());
        o.put("wind_full_load_hours", k.windFullLoadHours());
        o.put("equivalent_full_cycles", k.equivalentFullCycles());
        o.put("crane_months", k.craneMonths());
        o.put("household_years", k.householdYears());
        o.put("cars_produced", k.carsProduced());
        o.put("kwh_per_car", k.kwhPerCar());
        o.put("household_income_yuan", k.householdIncomeYuan());
        o.put("demand_charge_yuan", k.demandChargeYuan());
        o.put("degradation_cost_yuan", k.degradationCostYuan());
        o.put("carbon_cost_yuan", k.carbonCostYuan());
        o.put("total_cost_yuan", k.totalCostYuan());
        o.put("grid_co2_t", k.gridCo2T());
        ResilienceKpi r = k.resilience();
        ObjectNode ro = o.putObject("resilience");
        ro.put("unmet_critical_kwh", r.unmetCriticalKwh());
        ro.put("unmet_priority_kwh", r.unmetPriorityKwh());
        ro.put("unmet_sheddable_kwh", r.unmetSheddableKwh());
        ro.put("grid_outage_hours", r.gridOutageHours());
        ro.put("islanded_hours", r.islandedHours());
        ro.put("dark_hours", r.darkHours());
        ro.put("islandings", r.islandings());
        ro.put("shed_events", r.shedEvents());
        ro.put("blackouts", r.blackouts());
        ro.put("black_starts", r.blackStarts());
        ro.put("resyncs", r.resyncs());
        ro.put("reserve_cost_yuan", r.reserveCostYuan());
        ArrayNode months = o.putArray("monthly");
        for (Kpi.MonthlyEnergy m : k.monthly()) {
            ObjectNode mo = months.addObject();
            mo.put("month", m.month());
            mo.put("wind_kwh", m.windKwh());
            mo.put("pv_kwh", m.pvKwh());
            mo.put("load_kwh", m.loadKwh());
            mo.put("grid_import_kwh", m.gridImportKwh());
            mo.put("grid_export_kwh", m.gridExportKwh());
            mo.put("battery_charge_kwh", m.batteryChargeKwh());
            mo.put("battery_discharge_kwh", m.batteryDischargeKwh());
            mo.put("curtailed_kwh", m.curtailedKwh());
            mo.put("unmet_kwh", m.unmetKwh());
            mo.put("peak_import_kw", m.peakImportKw());
            mo.put("import_cost_yuan", m.importCostYuan());
            ObjectNode byPeriod = mo.putObject("import_cost_yuan_by_period");
            m.importCostYuanByPeriod().forEach((p, v) -> byPeriod.put(p.key(), v));
            mo.put("export_revenue_yuan", m.exportRevenueYuan());
        }
        return o;
    }

    public static void write(SimulationResult result, SimulationKpis kpis, Path file) throws IOException {
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(result, kpis))
                + "\n");
    }
}
