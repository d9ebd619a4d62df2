package org.gridtwin.sim;

import java.util.List;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A finished simulation: every site's dispatch on a shared time axis.
 *
 * @param request        what was run
 * @param grid           the shared time axis (in the first site's zone)
 * @param sites          results in scenario order
 * @param engineSeconds  wall time inside the engine: building the series and stepping all sites
 */
public record SimulationResult(SimulationRequest request, TimeGrid grid, List<SiteResult> sites,
        double engineSeconds) {

    public SimulationResult {
        sites = List.copyOf(sites);
    }
}
