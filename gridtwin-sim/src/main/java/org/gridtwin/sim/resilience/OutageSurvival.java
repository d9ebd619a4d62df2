package org.gridtwin.sim.resilience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gridtwin.model.Site;
import org.gridtwin.physics.bus.SiteBus;
import org.gridtwin.sim.SiteInputs;
import org.gridtwin.sim.SiteResult;

/**
 * How long a site carries its load through a grid outage that starts at any moment of the year (the question
 * REopt's outage simulator answers; Anderson et al., "Quantifying and Monetizing Renewable Energy Resiliency",
 * Sustainability 10 (2018) 933). For every start, from the state of charge the normal (outage-free) dispatch leaves
 * at that moment, the island is run on the same {@link SiteBus} the engine and the live loop settle on, with the
 * site's island settings and tiers, until the critical load is first not fully served or the maximum length is
 * reached. The year is treated as cyclic: an outage starting near its end continues with its first steps (the
 * series are a typical year).
 *
 * @param site           the site analysed
 * @param stepHours      the run's step, h
 * @param startSteps     the steps at which outages start
 * @param criticalHours  per start, hours the critical load was fully served (capped at the maximum)
 * @param priorityHours  per start, hours the critical and priority loads were both fully served
 * @param allHours       per start, hours every load was served
 * @param socAtStart     per start, the state of charge the outage found
 * @param maxHours       the longest outage analysed, h
 * @param startEpochSecond when step 0 begins
 */
public record OutageSurvival(Site site, double stepHours, int[] startSteps, double[] criticalHours,
        double[] priorityHours, double[] allHours, double[] socAtStart, int maxHours, long startEpochSecond) {

    /** Unserved power below this counts as served: the bus's float dust, not a shortfall. */
    private static final double SERVED_KW = 1e-6;

    /**
     * @param inputs     the site's engine inputs (faults are ignored: the outage is the one analysed)
     * @param normal     the outage-free dispatch of those inputs (its state of charge is where outages start)
     * @param maxHours   the longest outage, h
     * @param startEvery steps between outage starts (1 = every step)
     */
    public static OutageSurvival analyse(SiteInputs inputs, SiteResult normal, int maxHours, int startEvery) {
        if (maxHours < 1) {
            throw new IllegalArgumentException("the longest outage must be at least 1 h, was " + maxHours);
        }
        Site site = inputs.site();
        int n = inputs.grid().steps();
        double dt = inputs.grid().stepHours();
        int maxSteps = (int) Math.round(maxHours / dt);
        int starts = (n + startEvery - 1) / startEvery;
        int[] at = new int[starts];
        double[] critical = new double[starts];
        double[] priority = new double[starts];
        double[] all = new double[starts];
        double[] soc = new double[starts];
        SiteBus bus = new SiteBus(site.battery(), site.grid(), site.resilience().island());
        double initialSoc = site.battery() != null ? site.battery().socInitialFraction() : 0;
        double[] wind = inputs.windKw();
        double[] pv = inputs.pvKw();
        double[] load = inputs.loadKw();
        double[] crit = inputs.criticalKw();
        double[] prio = inputs.priorityKw();
        for (int k = 0; k < starts; k++) {
            int t = k * startEvery;
            double s0 = t == 0 ? initialSoc : normal.socFraction()[t - 1];
            bus.reconnect();
            bus.restoreSoc(s0);
            bus.grid(false);
            int critSteps = -1;
            int prioSteps = -1;
            int allSteps = -1;
            for (int j = 0; j < maxSteps; j++) {
                int i = (t + j) % n;
                bus.begin(dt);
                bus.tiers(crit[i], prio[i]);
                bus.settle(wind[i], pv[i], load[i], 0, dt);
                if (allSteps < 0 && bus.unmetKw() > SERVED_KW) {
                    allSteps = j;
                }
                if (prioSteps < 0 && bus.unmetCriticalKw() + bus.unmetPriorityKw() > SERVED_KW) {
                    prioSteps = j;
                }
                if (bus.unmetCriticalKw() > SERVED_KW) {
                    critSteps = j;
                    break;
                }
            }
            at[k] = t;
            soc[k] = s0;
            // a critical shortfall is also a priority and an all-load one, so the later tiers failed no later
            critical[k] = (critSteps < 0 ? maxSteps : critSteps) * dt;
            priority[k] = (prioSteps < 0 ? maxSteps : prioSteps) * dt;
            all[k] = (allSteps < 0 ? maxSteps : allSteps) * dt;
        }
        return new OutageSurvival(site, dt, at, critical, priority, all, soc, maxHours,
                inputs.grid().start().getEpochSecond());
    }

    /** One row of the survival curve: the share of starts that carry a tier through an outage of that length. */
    public record CurvePoint(int durationHours, double critical, double priority, double all) {
    }

    /** Survival probability for outages of 1 .. {@code maxHours} hours (0 h is 1 by definition). */
    public List<CurvePoint> curve() {
        List<CurvePoint> out = new ArrayList<>(maxHours);
        for (int d = 1; d <= maxHours; d++) {
            out.add(new CurvePoint(d, share(criticalHours, d), share(priorityHours, d), share(allHours, d)));
        }
        return out;
    }

    /** The share of starts that survived at least {@code hours}. */
    private static double share(double[] survived, double hours) {
        int c = 0;
        for (double h : survived) {
            if (h >= hours - 1e-9) {
                c++;
            }
        }
        return survived.length == 0 ? 0 : c / (double) survived.length;
    }

    /** Mean hours survived by a tier over all starts (each capped at the maximum). */
    public double meanHours(double[] hours) {
        double sum = 0;
        for (double h : hours) {
            sum += h;
        }
        return hours.length == 0 ? 0 : sum / hours.length;
    }

    /** A start and what it survived. */
    public record Start(int step, double socAtStart, double criticalHours, double priorityHours, double allHours) {
    }

    /** The {@code count} starts with the shortest critical survival (then priority, then the earliest). */
    public List<Start> worst(int count) {
        List<Start> all = new ArrayList<>(startSteps.length);
        for (int k = 0; k < startSteps.length; k++) {
            all.add(new Start(startSteps[k], socAtStart[k], criticalHours[k], priorityHours[k], allHours[k]));
        }
        all.sort(Comparator.comparingDouble(Start::criticalHours).thenComparingDouble(Start::priorityHours)
                .thenComparingInt(Start::step));
        return all.subList(0, Math.min(count, all.size()));
    }

    /** The share of starts whose critical load survives {@code hours}: the figure sizing can require. */
    public double criticalSurvival(double hours) {
        return share(criticalHours, hours);
    }
}
