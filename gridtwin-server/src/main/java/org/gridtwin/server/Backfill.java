package org.gridtwin.server;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.ReportedFigure;
import org.gridtwin.model.Scenario;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;
import org.gridtwin.sim.kpi.Kpi;
import org.gridtwin.sim.kpi.KpiCalculator;
import org.gridtwin.store.Sample;

/**
 * The fleet's past before the first live cycle, simulated: a site commissioned in January 2024 has generated for
 * years before {@code serve} first starts, and the published figures ("over 40 GWh since January 2024") count
 * all of it. The simulation engine runs the scenario at hourly steps from the commissioning date over whole days,
 * with each site's own strategy, and the whole hours before the first cycle count; its energies become the counters' starting
 * values (the simulation's KPI definitions), its hours the stored history, its last SoC the battery's.
 */
final class Backfill {
    /**
     * One site's simulated past.
     *
     * @param counters the counters' starting values under {@code LiveSite.Counters.KEYS}
     * @param soc      the battery's state of charge at the end, 0..1
     * @param samples  one sample per simulated hour, for the store
     */
    record SiteHistory(Map<String, Double> counters, double soc, List<Sample> samples) {
    }

    /**
     * @param start    the first live cycle's time
     * @return the simulated past by site id; empty when not a whole hour lies between {@code from} and {@code start}
     */
    static Result run(Scenario scenario, LocalDate from, Instant start) {
        // simulated in whole days (a simulation's period), counted in the whole hours before the first cycle
        LocalDate end = start.atZone(scenario.sites().get(0).timeZone()).toLocalDate().plusDays(1);
        if (!from.isBefore(end) || !from.atStartOfDay(scenario.sites().get(0).timeZone()).toInstant()
                .plus(Duration.ofHours(1)).isBefore(start.plusNanos(1))) {
            return new Result(Map.of(), null);
        }
        SimulationResult result = Simulation.withSystemTimer().run(SimulationRequest.defaults(scenario)
                .withPeriod(from, end).withStep(Duration.ofHours(1)).validated());
        Map<String, SiteHistory> out = new LinkedHashMap<>();
        TimeGrid grid = result.grid();
        int hours = 0;
        while (hours < grid.steps() && grid.epochSecond(hours) + grid.stepSeconds() <= start.getEpochSecond()) {
            hours++;
        }
        for (SiteResult whole : result.sites()) {
            SiteResult r = firstSteps(whole, hours);
            Kpi k = KpiCalculator.site(r);
            Map<String, Double> c = new LinkedHashMap<>();
            c.put("wind_kwh", k.windKwh());
            c.put("pv_kwh", k.pvKwh());
            c.put("load_kwh", k.loadKwh());
            c.put("import_kwh", k.gridImportKwh());
            c.put("export_kwh", k.gridExportKwh());
            c.put("charge_kwh", k.batteryChargeKwh());
            c.put("discharge_kwh", k.batteryDischargeKwh());
            c.put("unmet_kwh", k.unmetKwh());
            c.put("curtailed_kwh", k.curtailedKwh());
            c.put("co2_avoided_t", k.co2AvoidedT());
            c.put("grid_co2_t", k.gridCo2T());
            c.put("cycles", 0.0); // simulated hours are not control cycles
            // the simulated past islands like the live loop: its counters continue from the same figures
            c.put("islanded_hours", k.resilience().islandedHours());
            c.put("dark_hours", k.resilience().darkHours());
            c.put("unmet_critical_kwh", k.resilience().unmetCriticalKwh());
            c.put("unmet_priority_kwh", k.resilience().unmetPriorityKwh());
            c.put("islandings", (double) k.resilience().islandings());
            c.put("shed_events", (double) k.resilience().shedEvents());
            List<Sample> samples = new ArrayList<>(r.steps());
            for (int i = 0; i < r.steps(); i++) {
                samples.add(new Sample(r.siteId(), Instant.ofEpochSecond(grid.epochSecond(i)), grid.stepSeconds(),
                        r.windKw()[i], r.pvKw()[i], r.loadKw()[i], r.batteryKw()[i], r.gridKw()[i], r.unmetKw()[i],
                        r.socFraction()[i]));
            }
            out.put(r.siteId(), new SiteHistory(c, r.socFraction()[r.steps() - 1], samples));
        }
        return new Result(out, grid.start());
    }

    /** The first {@code n} steps of a result (the KPIs sum over the steps a result holds). */
    private static SiteResult firstSteps(SiteResult r, int n) {
        return new SiteResult(r.inputs(), r.strategy(), java.util.Arrays.copyOf(r.windKw(), n),
                java.util.Arrays.copyOf(r.pvKw(), n), java.util.Arrays.copyOf(r.loadKw(), n),
                java.util.Arrays.copyOf(r.batteryKw(), n), java.util.Arrays.copyOf(r.gridKw(), n),
                java.util.Arrays.copyOf(r.unmetKw(), n), java.util.Arrays.copyOf(r.curtailedKw(), n),
                java.util.Arrays.copyOf(r.socFraction(), n), r.optimiser(), r.island().first(n),
                r.reserveCostYuan());
    }

    /**
     * @param sites  the simulated past by site id
     * @param since  the instant it starts from (null when nothing was simulated)
     */
    record Result(Map<String, SiteHistory> sites, Instant since) {
    }

    /** The earliest date a published figure of the scenario counts from, or null when none says. */
    static LocalDate commissioning(Scenario scenario) {
        return scenario.reported().stream().map(ReportedFigure::since).filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
    }
}
