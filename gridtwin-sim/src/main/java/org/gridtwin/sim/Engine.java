package org.gridtwin.sim;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.dispatch.optimal.PlanningStrategy;
import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.physics.bus.SiteBus;
import org.gridtwin.physics.time.TimeGrid;

/**
 * The simulation harness's step loop for one site: fill the {@link StepState}, ask the strategy, then settle the
 * step on the {@link SiteBus} (the physics and limits every harness shares) and record the flows. The loop works
 * on primitive arrays and reused state objects only; it allocates nothing per step.
 */
public final class Engine {
    /** How often the loop looks for a cancellation: every 4,096 steps. */
    private static final int CANCEL_CHECK_MASK = 4095;

    private Engine() {
    }

    public static SiteResult run(SiteInputs in, DispatchStrategy strategy) {
        TimeGrid grid = in.grid();
        int n = grid.steps();
        double dt = grid.stepHours();
        double[] wind = new double[n];
        double[] pv = new double[n];
        double[] load = new double[n];
        double[] battery = new double[n];
        double[] gridKw = new double[n];
        double[] unmet = new double[n];
        double[] curtailed = new double[n];
        double[] soc = new double[n];

        GridConnection g = in.site().grid();
        Battery b = in.site().battery();
        SiteBus bus = new SiteBus(b, g, in.site().resilience().island());
        boolean[] gridUp = in.faults().gridUp();
        boolean[] batteryUp = in.faults().batteryUp();
        IslandSeries island = IslandSeries.of(n);
        StepState state = new StepState();
        if (b != null) {
            state.ratings(b.chargeKw(), b.dischargeKw(), b.chargeEfficiency(), b.dischargeEfficiency());
        }
        Setpoints sp = new Setpoints();
        for (int i = 0; i < n; i++) {
            // a run someone cancelled stops within a few thousand steps (milliseconds), not at the year's end
            if ((i & CANCEL_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("site " + in.site().id() + " cancelled at step "
                        + i + " of " + n);
            }
            double windAvail = in.windKw()[i];
            double pvAvail = in.pvKw()[i];
            double demand = in.loadKw()[i];
            bus.grid(gridUp[i]);
            bus.batteryAvailable(batteryUp[i]);
            bus.begin(dt);
            state.time(grid.epochSecond(i), dt, grid.minuteOfDay(i), grid.dayOfWeek(i), grid.month(i))
                    .power(windAvail, pvAvail, demand)
                    .battery(bus.soc(), b != null ? b.socMinFraction() : 0, b != null ? b.socMaxFraction() : 0,
                            bus.capacityKwh(), bus.maxChargeKw(), bus.maxDischargeKw())
                    .grid(bus.importLimitKw(), bus.exportLimitKw(), in.tariff().priceYuanPerKwh(i),
                            g.feedInYuanPerKwh(), in.tariff().period(i));
            sp.reset();
            strategy.decide(state, sp);
            bus.limitRenewables(sp.windLimitKw(), sp.pvLimitKw());
            bus.tiers(in.criticalKw()[i], in.priorityKw()[i]);
            try {
                bus.settle(windAvail, pvAvail, demand, sp.batteryKw(), dt);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("site " + in.site().id() + ", step " + i + ": " + e.getMessage(), e);
            }
            wind[i] = bus.windKw();
            pv[i] = bus.pvKw();
            load[i] = bus.loadKw();
            battery[i] = bus.batteryKw();
            gridKw[i] = bus.gridKw();
            unmet[i] = bus.unmetKw();
            curtailed[i] = bus.curtailedKw();
            soc[i] = bus.soc();
            island.record(i, bus);
        }
        PlanningStrategy.Outcome outcome = strategy instanceof PlanningStrategy p ? p.outcome() : null;
        return new SiteResult(in, strategy.name(), wind, pv, load, battery, gridKw, unmet, curtailed, soc, outcome,
                island, 0);
    }
}
