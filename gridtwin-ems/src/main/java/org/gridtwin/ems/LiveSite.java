package org.gridtwin.ems;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.Site;
import org.gridtwin.physics.bus.IslandState;
import org.gridtwin.physics.bus.SiteBus;

/**
 * One site under live control: each cycle reads the devices, fills the same {@link StepState} the simulation
 * engine fills, asks the site's {@link DispatchStrategy}, passes the answer through the {@link SafetyLayer} and
 * writes it to the devices. Keeps the site's energy counters.
 */
public final class LiveSite {
    private final Site site;
    private volatile DispatchStrategy strategy;
    private final String configuredStrategy;
    private final SiteDevices devices;
    private final SafetyLayer safety;
    private final Consumer<Event> events;
    private final Measurements m = new Measurements();
    private final StepState state = new StepState();
    private final Setpoints sp = new Setpoints();
    private final Setpoints applied = new Setpoints();
    private final Counters counters = new Counters();
    private final ManualControl manual;
    private Instant lastTime;
    private double lastSeconds;
    private SiteDevices.Flows lastFlows;
    private double lastPriceYuanPerKwh;
    private org.gridtwin.model.Tariff.PeriodType lastPeriod;
    private SiteDevices.IslandStatus lastIsland = SiteDevices.IslandStatus.CONNECTED;

    public LiveSite(Site site, DispatchStrategy strategy, SiteDevices devices, SafetyLayer safety,
            Consumer<Event> events) {
        this.site = site;
        this.strategy = strategy;
        this.configuredStrategy = strategy.name();
        this.devices = devices;
        this.safety = safety;
        this.events = events;
        this.manual = new ManualControl(site.id());
        Battery b = site.battery();
        if (b != null) {
            state.ratings(b.chargeKw(), b.dischargeKw(), b.chargeEfficiency(), b.dischargeEfficiency());
        }
    }

    /** Lets the devices start their polls for the cycle at {@code now} (see {@link SiteDevices#request}). */
    public void request(Instant now) {
        devices.request(now);
    }

    /** Runs one control cycle of {@code seconds} starting at {@code now}. */
    public void cycle(Instant now, double seconds) {
        double hours = seconds / 3600;
        devices.read(now, hours, m);
        Battery b = site.battery();
        GridConnection g = site.grid();
        // an operator's limit is what the plants can deliver this cycle: the strategy decides on that
        ManualControl.RenewablesLimit limit = manual.limitAt(now);
        double wind = limit == null ? m.windAvailableKw : Math.min(m.windAvailableKw, limit.windKw());
        double pv = limit == null ? m.pvAvailableKw : Math.min(m.pvAvailableKw, limit.pvKw());
        state.time(now.getEpochSecond(), hours, m.minuteOfDay, m.dayOfWeek, m.month)
                .power(wind, pv, m.loadKw)
                .battery(m.socFraction, b != null ? b.socMinFraction() : 0, b != null ? b.socMaxFraction() : 0,
                        b != null ? b.energyKwh() : 0, m.maxChargeKw, m.maxDischargeKw)
                .grid(g.importLimitKw(), g.exportLimitKw(), m.importPriceYuanPerKwh, g.feedInYuanPerKwh(), m.period);
        sp.reset();
        DispatchStrategy chosen = manual.strategyAt(now, site, strategy, configuredStrategy, events);
        if (chosen != null) {
            strategy = chosen; // a switch takes effect on the control thread, at a cycle's start
        }
        strategy.decide(state, sp);
        manual.apply(now, sp, events);
        safety.apply(sp, m, now, seconds, applied);
        devices.write(applied);
        SiteDevices.Flows f = devices.flows();
        SiteDevices.IslandStatus island = devices.island();
        counters.add(f, hours, m.emissionTPerMwh);
        counters.add(island, hours);
        lastIsland = island;
        if (island.transitions() != 0) {
            IslandEvents.raise(now, site, island, f, events);
        }
        lastTime = now;
        lastSeconds = seconds;
        lastFlows = f;
        lastPriceYuanPerKwh = m.importPriceYuanPerKwh;
        lastPeriod = m.period;
        // in an island, shedding and black-outs are told as transitions, not every cycle
        if (f.unmetKw() > 1e-9 && island.state() == IslandState.CONNECTED) {
            events.accept(new Event(now, site.id(), Event.Kind.UNMET, String.format(Locale.ROOT,
                    "%.1f kW of load unserved (import limit %.0f kW)", f.unmetKw(), g.importLimitKw()),
                    Map.of("unmet_kw", Event.kw(f.unmetKw()), "import_limit_kw", Event.kw(g.importLimitKw()))));
        }
    }

    public Site site() {
        return site;
    }

    /** The strategy running the site now (an operator may have switched it). */
    public String strategyName() {
        return strategy.name();
    }

    /** The operator's instructions for this site, which outrank its strategy until they expire. */
    public ManualControl manual() {
        return manual;
    }

    public Counters counters() {
        return counters;
    }

    /** Start of the last cycle run, or null before the first. */
    public Instant lastTime() {
        return lastTime;
    }

    /** Length of the last cycle, seconds. */
    public double lastSeconds() {
        return lastSeconds;
    }

    /** The flows of the last cycle after the limits, or null before the first. */
    public SiteDevices.Flows lastFlows() {
        return lastFlows;
    }

    /** On the grid, islanded or dark after the last cycle, and what was shed. */
    public SiteDevices.IslandStatus lastIsland() {
        return lastIsland;
    }

    /** An islanding drill on the site's devices (twins only); false when they cannot pretend. */
    public boolean simulateGridOutage(boolean down) {
        return devices.simulateGridOutage(down);
    }

    /** The import price of the last cycle, per kWh. */
    public double lastPriceYuanPerKwh() {
        return lastPriceYuanPerKwh;
    }

    /** The tariff period of the last cycle, or null before the first. */
    public org.gridtwin.model.Tariff.PeriodType lastPeriod() {
        return lastPeriod;
    }

    /**
     * Cumulative energies, kWh, and emissions, t: since the harness started, or since whatever {@link #restore}
     * put back (a restarted server continues its totals).
     */
    public static final class Counters {
        /** Keys of {@link #toMap}; stable, since stores keep them across versions. */
        public static final java.util.List<String> KEYS = java.util.List.of("wind_kwh", "pv_kwh", "load_kwh",
                "import_kwh", "export_kwh", "charge_kwh", "discharge_kwh", "unmet_kwh", "curtailed_kwh",
                "co2_avoided_t", "grid_co2_t", "cycles", "islanded_hours", "dark_hours", "unmet_critical_kwh",
                "unmet_priority_kwh", "islandings", "shed_events");

        private double windKwh;
        private double pvKwh;
        private double loadKwh;
        private double importKwh;
        private double exportKwh;
        private double chargeKwh;
        private double dischargeKwh;
        private double unmetKwh;
        private double curtailedKwh;
        private double co2AvoidedT;
        private double gridCo2T;
        private long cycles;
        private double islandedHours;
        private double darkHours;
        private double unmetCriticalKwh;
        private double unmetPriorityKwh;
        private long islandings;
        private long shedEvents;

        void add(SiteDevices.IslandStatus is, double hours) {
            if (is.state() == IslandState.ISLANDED) {
                islandedHours += hours;
            } else if (is.state() == IslandState.BLACKOUT) {
                darkHours += hours;
            }
            unmetCriticalKwh += is.unmetCriticalKw() * hours;
            unmetPriorityKwh += is.unmetPriorityKw() * hours;
            if ((is.transitions() & SiteBus.ISLANDED_NOW) != 0) {
                islandings++;
            }
            if ((is.transitions() & SiteBus.TIER_SHED) != 0) {
                shedEvents++;
            }
        }

        /** Hours the battery held an island; likewise {@link #darkHours}. */
        public double islandedHours() {
            return islandedHours;
        }

        public double darkHours() {
            return darkHours;
        }

        public double unmetCriticalKwh() {
            return unmetCriticalKwh;
        }

        public long islandings() {
            return islandings;
        }

        void add(SiteDevices.Flows f, double hours, double emissionTPerMwh) {
            // a green kWh displaces a grid kWh at the factor of its time (docs/kpis.md, co2_avoided_t)
            co2AvoidedT += (f.windKw() + f.pvKw()) * hours * emissionTPerMwh / 1000;
            gridCo2T += Math.max(0, f.gridKw()) * hours * emissionTPerMwh / 1000;
            windKwh += f.windKw() * hours;
            pvKwh += f.pvKw() * hours;
            loadKwh += f.loadKw() * hours;
            importKwh += Math.max(0, f.gridKw()) * hours;
            exportKwh += Math.max(0, -f.gridKw()) * hours;
            chargeKwh += Math.max(0, -f.batteryKw()) * hours;
            dischargeKwh += Math.max(0, f.batteryKw()) * hours;
            unmetKwh += f.unmetKw() * hours;
            curtailedKwh += f.curtailedKw() * hours;
            cycles++;
        }

        public double windKwh() {
            return windKwh;
        }

        public double pvKwh() {
            return pvKwh;
        }

        public double loadKwh() {
            return loadKwh;
        }

        public double importKwh() {
            return importKwh;
        }

        public double exportKwh() {
            return exportKwh;
        }

        public double chargeKwh() {
            return chargeKwh;
        }

        public double dischargeKwh() {
            return dischargeKwh;
        }

        public double unmetKwh() {
            return unmetKwh;
        }

        public double curtailedKwh() {
            return curtailedKwh;
        }

        public long cycles() {
            return cycles;
        }

        public double co2AvoidedT() {
            return co2AvoidedT;
        }

        public double gridCo2T() {
            return gridCo2T;
        }

        /** Green generation, kWh: wind + PV delivered to the bus. */
        public double greenKwh() {
            return windKwh + pvKwh;
        }

        /** Every counter under its {@link #KEYS} name. */
        public java.util.Map<String, Double> toMap() {
            double[] v = {windKwh, pvKwh, loadKwh, importKwh, exportKwh, chargeKwh, dischargeKwh, unmetKwh,
                curtailedKwh, co2AvoidedT, gridCo2T, cycles, islandedHours, darkHours, unmetCriticalKwh,
                unmetPriorityKwh, islandings, shedEvents};
            java.util.Map<String, Double> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < v.length; i++) {
                map.put(KEYS.get(i), v[i]);
            }
            return map;
        }

        /** Sets the counters to stored values; keys it does not know are ignored, missing ones read 0. */
        public void restore(java.util.Map<String, Double> stored) {
            java.util.function.ToDoubleFunction<String> get = k -> stored.getOrDefault(k, 0.0);
            windKwh = get.applyAsDouble("wind_kwh");
            pvKwh = get.applyAsDouble("pv_kwh");
            loadKwh = get.applyAsDouble("load_kwh");
            importKwh = get.applyAsDouble("import_kwh");
            exportKwh = get.applyAsDouble("export_kwh");
            chargeKwh = get.applyAsDouble("charge_kwh");
            dischargeKwh = get.applyAsDouble("discharge_kwh");
            unmetKwh = get.applyAsDouble("unmet_kwh");
            curtailedKwh = get.applyAsDouble("curtailed_kwh");
            co2AvoidedT = get.applyAsDouble("co2_avoided_t");
            gridCo2T = get.applyAsDouble("grid_co2_t");
            cycles = Math.round(get.applyAsDouble("cycles"));
            islandedHours = get.applyAsDouble("islanded_hours");
            darkHours = get.applyAsDouble("dark_hours");
            unmetCriticalKwh = get.applyAsDouble("unmet_critical_kwh");
            unmetPriorityKwh = get.applyAsDouble("unmet_priority_kwh");
            islandings = Math.round(get.applyAsDouble("islandings"));
            shedEvents = Math.round(get.applyAsDouble("shed_events"));
        }
    }
}
