package org.gridtwin.model;

import java.util.List;
import java.util.Optional;

/**
 * A validated scenario: one or more sites simulated over the same period, plus the published figures the report
 * compares the simulation with. Immutable; built only by {@code ScenarioReader}, which checks every rule.
 *
 * @param name        short name, used in output folders and reports
 * @param description one line for humans
 * @param source      the file (or built-in name) it was read from, for messages
 * @param simulation  default period, step and seed (the command line may override them)
 * @param sites       the sites, in file order; ids are unique
 * @param reported    published figures to set beside the simulated ones ("reported / simulated")
 * @param economics   costs and financing for the planning tools
 */
public record Scenario(String name, String description, String source, SimulationSettings simulation,
        List<Site> sites, List<ReportedFigure> reported, Economics economics) {

    public Scenario {
        sites = List.copyOf(sites);
        reported = List.copyOf(reported);
    }

    public Scenario(String name, String description, String source, SimulationSettings simulation, List<Site> sites,
            List<ReportedFigure> reported) {
        this(name, description, source, simulation, sites, reported, Economics.DEFAULT);
    }

    public Optional<Site> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
