package org.gridtwin.sim.resilience;

import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.sim.Simulation;
import org.gridtwin.sim.SimulationRequest;
import org.gridtwin.sim.SimulationResult;
import org.gridtwin.sim.SiteResult;

/**
 * The resilience analysis of a scenario: its normal year (the scenario's faults set aside, so outages start from
 * the state of charge ordinary dispatch leaves), then {@link OutageSurvival} for each site analysed.
 */
public final class ResilienceAnalysis {
    private ResilienceAnalysis() {
    }

    /**
     * @param siteId     the site to analyse, or {@code null} for every site
     * @param maxHours   the longest outage, h (1 .. 8,760)
     * @param startEvery hours between outage starts (1 = every hour; at sub-hourly steps a start per hour keeps
     *                   the analysis in seconds)
     */
    public static List<OutageSurvival> run(Simulation simulation, SimulationRequest request, String siteId,
            int maxHours, int startEvery) {
        Scenario sc = request.scenario();
        if (siteId != null && sc.site(siteId).isEmpty()) {
            throw InvalidInputException.of("command line", "--site", siteId, "is not a site of scenario "
                    + sc.name() + " (sites: " + String.join(", ", sc.sites().stream().map(Site::id).toList()) + ")");
        }
        if (maxHours < 1 || maxHours > 8760) {
            throw InvalidInputException.of("command line", "--max-hours", Integer.toString(maxHours),
                    "must be in [1, 8760]");
        }
        if (startEvery < 1 || startEvery > 24 * 31) {
            throw InvalidInputException.of("command line", "--start-every", startEvery + "h",
                    "must be from 1h to 744h");
        }
        List<Site> sites = new ArrayList<>();
        for (Site s : sc.sites()) {
            if (siteId == null || s.id().equals(siteId)) {
                sites.add(s.withResilience(s.resilience().withEvents(FaultEvents.NONE)));
            }
        }
        Scenario normal = new Scenario(sc.name(), sc.description(), sc.source(), sc.simulation(), sites, List.of(),
                sc.economics());
        SimulationResult year = simulation.run(new SimulationRequest(normal, request.start(), request.end(),
                request.step(), request.strategy(), request.seed(), request.mpc()));
        List<OutageSurvival> out = new ArrayList<>();
        for (SiteResult r : year.sites()) {
            double dt = r.inputs().grid().stepHours();
            int every = Math.max(1, (int) Math.round(startEvery / dt));
            out.add(OutageSurvival.analyse(r.inputs(), r, maxHours, every));
        }
        return out;
    }
}
