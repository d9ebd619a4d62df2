package org.gridtwin.sim.kpi;

/**
 * What outages and islanding did over a run (docs/kpis.md, docs/resilience.md). Counts are events (a transition),
 * hours are step lengths summed.
 *
 * @param unmetCriticalKwh   critical demand not served, kWh
 * @param unmetPriorityKwh   priority demand not served, kWh
 * @param unmetSheddableKwh  sheddable demand not served, kWh
 * @param gridOutageHours    hours without the public grid
 * @param islandedHours      hours the battery held an island
 * @param darkHours          hours the site was blacked out
 * @param islandings         times the site went from the grid into an island
 * @param shedEvents         times a tier was shed
 * @param blackouts          times the site went dark (at once or when an island collapsed)
 * @param blackStarts        times the battery restarted a dark site
 * @param resyncs            times the site went back onto the grid
 * @param reserveCostYuan    what keeping the islanding reserve costs: total cost with it minus without it (0 without
 *                           a reserve)
 */
public record ResilienceKpi(double unmetCriticalKwh, double unmetPriorityKwh, double unmetSheddableKwh,
        double gridOutageHours, double islandedHours, double darkHours, int islandings, int shedEvents, int blackouts,
        int blackStarts, int resyncs, double reserveCostYuan) {

    public static final ResilienceKpi NONE = new ResilienceKpi(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sum of two sites' (the fleet's). */
    public ResilienceKpi plus(ResilienceKpi o) {
        return new ResilienceKpi(unmetCriticalKwh + o.unmetCriticalKwh, unmetPriorityKwh + o.unmetPriorityKwh,
                unmetSheddableKwh + o.unmetSheddableKwh, gridOutageHours + o.gridOutageHours,
                islandedHours + o.islandedHours, darkHours + o.darkHours, islandings + o.islandings,
                shedEvents + o.shedEvents, blackouts + o.blackouts, blackStarts + o.blackStarts, resyncs + o.resyncs,
                reserveCostYuan + o.reserveCostYuan);
    }
}
