package org.gridtwin.sim.kpi;

import java.util.List;
import org.gridtwin.sim.SimulationResult;

/**
 * Every indicator of a run, computed once: the fleet, each site (scenario order) and the reported comparison.
 * Writers and the command line share this instead of recomputing sums over every step.
 */
public record SimulationKpis(Kpi fleet, List<Kpi> sites, List<ReportedComparison.Row> reported) {

    public SimulationKpis {
        sites = List.copyOf(sites);
        reported = List.copyOf(reported);
    }

    public static SimulationKpis of(SimulationResult result) {
        List<Kpi> all = KpiCalculator.sitesAndFleet(result.sites());
        List<Kpi> sites = all.subList(0, all.size() - 1);
        return new SimulationKpis(all.get(all.size() - 1), sites, ReportedComparison.rows(result, sites));
    }
}
