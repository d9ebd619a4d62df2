package org.gridtwin.sim;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.dispatch.optimal.PlanningStrategy;
import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.physics.battery.BatteryPhysics;
import org.gridtwin.physics.time.TimeGrid;

/**
 * The simulation harness's step loop for one site: fill the {@link StepState}, ask the strategy, then apply the
 * physics and limits in a fixed order and record the flows. The loop works on primitive arrays and the two reused
 * state objects only; it allocates nothing per step.
 *
 * <p>Order of limits: the battery setpoint is clipped to its feasible power (ratings, SoC window, efficiency);
 * if charging would push import past the limit, charging is reduced first; what import still cannot cover is
 * unmet. On surplus, export takes what its limit allows; beyond it discharge is reduced first, then renewables are
 * curtailed (proportionally between wind and PV). Surplus left after all renewables are curtailed can only come
 * from regenerating loads; it is burned in their braking resistors, so it is added to the load.
 */
public final class Engine {
    /** Rounding the limits may leave; anything larger is a bug in the limits, not dust. */
    private static final double WINDOW_DUST_KWH = 1e-6;

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
        boolean hasBattery = b != null;
        double capacity = hasBattery ? b.energyKwh() : 0;
        double minKwh = hasBattery ? b.socMinFraction() * capacity : 0;
        double maxKwh = hasBattery ? b.socMaxFraction() * capacity : 0;
        double stored = hasBattery ? b.socInitialFraction() * capacity : 0;
        double importLimit = g.importLimitKw();
        double exportLimit = g.exportLimitKw();

        StepState state = new StepState();
        Setpoints sp = new Setpoints();
        for (int i = 0; i < n; i++) {
            double windAvail = in.windKw()[i];
            double pvAvail = in.pvKw()[i];
            double demand = in.loadKw()[i];
            double cMax = 0;
            double dMax = 0;
            if (hasBattery) {
                stored = BatteryPhysics.afterSelfDischargeKwh(stored, minKwh, b.selfDischargePerDay(), dt);
                cMax = BatteryPhysics.maxChargeKw(stored, maxKwh, b.chargeKw(), b.chargeEfficiency(), dt);
                dMax = BatteryPhysics.maxDischargeKw(stored, minKwh, b.dischargeKw(), b.dischargeEfficiency(), dt);
            }
            state.time(grid.epochSecond(i), dt, grid.minuteOfDay(i), grid.dayOfWeek(i), grid.month(i))
                    .power(windAvail, pvAvail, demand)
                    .battery(capacity > 0 ? stored / capacity : 0, hasBattery ? b.socMinFraction() : 0,
                            hasBattery ? b.socMaxFraction() : 0, capacity, cMax, dMax)
                    .grid(importLimit, exportLimit, in.tariff().priceYuanPerKwh(i), g.feedInYuanPerKwh(),
                            in.tariff().period(i));
            sp.reset();
            strategy.decide(state, sp);
            double bat = Math.max(-cMax, Math.min(dMax, sp.batteryKw()));
            if (Double.isNaN(bat)) {
                bat = 0;
            }
            double renewable = windAvail + pvAvail;
            double net = demand - renewable - bat;
            double imp = 0;
            double exp = 0;
            double cut = 0;
            double unserved = 0;
            if (net > 0) {
                if (net > importLimit && bat < 0) {
                    double less = Math.min(-bat, net - importLimit);
                    bat += less;
                    net -= less;
                }
                imp = Math.min(net, importLimit);
                unserved = net - imp;
            } else if (net < 0) {
                double surplus = -net;
                if (surplus > exportLimit && bat > 0) {
                    double less = Math.min(bat, surplus - exportLimit);
                    bat -= less;
                    surplus -= less;
                }
                exp = Math.min(surplus, exportLimit);
                double excess = surplus - exp;
                cut = Math.min(excess, renewable);
                demand += excess - cut;
            }
            double share = renewable > 0 ? 1 - cut / renewable : 0;
            wind[i] = windAvail * share;
            pv[i] = pvAvail * share;
            load[i] = demand;
            battery[i] = bat;
            gridKw[i] = imp - exp;
            unmet[i] = unserved;
            curtailed[i] = cut;
            if (hasBattery) {
                stored = BatteryPhysics.nextStoredKwh(stored, bat, b.chargeEfficiency(), b.dischargeEfficiency(), dt);
                if (stored < minKwh - WINDOW_DUST_KWH || stored > maxKwh + WINDOW_DUST_KWH) {
                    throw new IllegalStateException("battery of site " + in.site().id() + " left its SoC window at "
                            + "step " + i + ": " + stored + " kWh");
                }
                // clear float dust at the window edges so the SoC never reads outside it
                stored = Math.max(minKwh, Math.min(maxKwh, stored));
                soc[i] = stored / capacity;
            }
        }
        PlanningStrategy.Outcome outcome = strategy instanceof PlanningStrategy p ? p.outcome() : null;
        return new SiteResult(in, strategy.name(), wind, pv, load, battery, gridKw, unmet, curtailed, soc, outcome);
    }
}
