package org.gridtwin.ems;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.Site;

/**
 * One site under live control: each cycle reads the devices, fills the same {@link StepState} the simulation
 * engine fills, asks the site's {@link DispatchStrategy}, passes the answer through the {@link SafetyLayer} and
 * writes it to the devices. Keeps the site's energy counters.
 */
public final class LiveSite {
    private final Site site;
    private final DispatchStrategy strategy;
    private final SiteDevices devices;
    private final SafetyLayer safety;
    private final Consumer<Event> events;
    private final Measurements m = new Measurements();
    private final StepState state = new StepState();
    private final Setpoints sp = new Setpoints();
    private final Counters counters = new Counters();

    public LiveSite(Site site, DispatchStrategy strategy, SiteDevices devices, SafetyLayer safety,
            Consumer<Event> events) {
        this.site = site;
        this.strategy = strategy;
        this.devices = devices;
        this.safety = safety;
        this.events = events;
    }

    /** Runs one control cycle of {@code seconds} starting at {@code now}. */
    public void cycle(Instant now, double seconds) {
        double hours = seconds / 3600;
        devices.read(now, hours, m);
        Battery b = site.battery();
        GridConnection g = site.grid();
        state.time(now.getEpochSecond(), hours, m.minuteOfDay, m.dayOfWeek, m.month)
                .power(m.windAvailableKw, m.pvAvailableKw, m.loadKw)
                .battery(m.socFraction, b != null ? b.socMinFraction() : 0, b != null ? b.socMaxFraction() : 0,
                        b != null ? b.energyKwh() : 0, m.maxChargeKw, m.maxDischargeKw)
                .grid(g.importLimitKw(), g.exportLimitKw(), m.importPriceYuanPerKwh, g.feedInYuanPerKwh(), m.period);
        sp.reset();
        strategy.decide(state, sp);
        devices.write(safety.apply(sp.batteryKw(), m, now, seconds));
        SiteDevices.Flows f = devices.flows();
        counters.add(f, hours);
        if (f.unmetKw() > 1e-9) {
            events.accept(new Event(now, site.id(), Event.Kind.UNMET, String.format(Locale.ROOT,
                    "%.1f kW of load unserved (import limit %.0f kW)", f.unmetKw(), g.importLimitKw())));
        }
    }

    public Site site() {
        return site;
    }

    public Counters counters() {
        return counters;
    }

    /** Cumulative energies since the harness started, kWh. */
    public static final class Counters {
        private double windKwh;
        private double pvKwh;
        private double loadKwh;
        private double importKwh;
        private double exportKwh;
        private double chargeKwh;
        private double dischargeKwh;
        private double unmetKwh;
        private double curtailedKwh;
        private long cycles;

        void add(SiteDevices.Flows f, double hours) {
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
    }
}
