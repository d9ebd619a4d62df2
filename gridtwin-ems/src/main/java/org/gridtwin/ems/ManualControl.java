package org.gridtwin.ems;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.gridtwin.dispatch.Setpoints;

/**
 * An operator's instructions for one site that outrank its strategy until they expire: a battery power held for a
 * while (maintenance, a test), wind and PV limits (a grid company's curtailment order). They replace what the
 * strategy asks for and then pass the same {@link SafetyLayer} as any setpoint, so an instruction beyond the
 * ratings or the SoC window is clipped exactly as a strategy's would be. Written from any thread (a command
 * arriving), applied on the control thread at the start of each cycle; the site returns to automatic by itself
 * when an instruction expires, and says so.
 */
public final class ManualControl {
    /** A battery power held until a time (site clock), and who asked. */
    public record BatteryHold(double kw, Instant until, String source) {
    }

    /** Wind and PV limits (kW, infinity for none) until a time, and who asked. */
    public record RenewablesLimit(double windKw, double pvKw, Instant until, String source) {
    }

    /** The rule strategies an operator may switch a site to (the planning ones need a run's series). */
    public static final java.util.List<String> SWITCHABLE = java.util.List.of("self-consumption", "peak-shaving",
            "tou-arbitrage", "cycle-charging");

    private final String siteId;
    private volatile boolean maintenance;
    private volatile String maintenanceBy;
    private volatile String wantedStrategy;
    private volatile String wantedBy;
    private boolean appliedMaintenance;
    private volatile BatteryHold battery;
    private volatile RenewablesLimit limit;
    private BatteryHold appliedBattery;
    private RenewablesLimit appliedLimit;

    public ManualControl(String siteId) {
        this.siteId = siteId;
    }

    public void holdBattery(double kw, Instant until, String source) {
        if (!Double.isFinite(kw)) {
            throw new IllegalArgumentException("a battery setpoint is a finite kW, not " + kw);
        }
        battery = new BatteryHold(kw, until, source);
    }

    public void limitRenewables(double windKw, double pvKw, Instant until, String source) {
        if (!(windKw >= 0) || !(pvKw >= 0)) {
            throw new IllegalArgumentException("limits are >= 0 kW (infinity for none), not " + windKw + ", " + pvKw);
        }
        limit = new RenewablesLimit(windKw, pvKw, until, source);
    }

    /** Ends every instruction (maintenance too): the strategy runs the site again from the next cycle. */
    public void release() {
        battery = null;
        limit = null;
        maintenance = false;
    }

    /**
     * Maintenance: the battery held at 0 kW, whatever the strategy or a hold asks, until {@link #release}; wind
     * and PV limits still apply.
     */
    public void maintenance(String source) {
        maintenanceBy = source;
        maintenance = true;
    }

    public boolean inMaintenance() {
        return maintenance;
    }

    /** Asks for another rule strategy from the next cycle on (it stays until switched again). */
    public void switchStrategy(String name, String source) {
        if (!SWITCHABLE.contains(name)) {
            throw new IllegalArgumentException("strategy must be one of " + String.join(", ", SWITCHABLE) + ", not '"
                    + name + "'");
        }
        wantedBy = source;
        wantedStrategy = name;
    }

    /** The operating mode now: maintenance, manual (an instruction holds the battery or limits) or automatic. */
    public String mode() {
        return maintenance ? "maintenance" : battery != null || limit != null ? "manual" : "automatic";
    }

    /**
     * The strategy the site should switch to at {@code now}, or null to keep {@code running}; reported once.
     */
    org.gridtwin.dispatch.DispatchStrategy strategyAt(Instant now, org.gridtwin.model.Site site,
            org.gridtwin.dispatch.DispatchStrategy running, String configured, Consumer<Event> events) {
        String wanted = wantedStrategy;
        if (wanted == null || wanted.equals(running.name())) {
            wantedStrategy = null;
            return null;
        }
        wantedStrategy = null;
        events.accept(new Event(now, siteId, Event.Kind.OPERATOR, "strategy switched from " + running.name() + " to "
                + wanted + " (" + wantedBy + ")" + (wanted.equals(configured) ? ", the scenario's own" : ""),
                Map.of("state", "strategy", "from", running.name(), "to", wanted, "source", wantedBy)));
        return org.gridtwin.dispatch.Strategies.create(wanted, site.dispatch());
    }

    /** The battery hold in force, or null. */
    public BatteryHold battery() {
        return battery;
    }

    /** The limits in force, or null. */
    public RenewablesLimit limit() {
        return limit;
    }

    /** The limits in force at {@code now} (null when none, or expired), without ending them. */
    RenewablesLimit limitAt(Instant now) {
        RenewablesLimit l = limit;
        return l != null && now.isBefore(l.until()) ? l : null;
    }

    /**
     * Puts the instructions in force at {@code now} into the strategy's setpoints (a hold replaces the battery
     * power, limits lower the strategy's own), and reports each instruction once when it takes effect and once when
     * it ends.
     */
    void apply(Instant now, Setpoints sp, Consumer<Event> events) {
        boolean m = maintenance;
        if (m != appliedMaintenance) {
            events.accept(m ? new Event(now, siteId, Event.Kind.OPERATOR, "maintenance (" + maintenanceBy + "): battery "
                    + "held at 0 kW until set back to automatic", Map.of("state", "maintenance", "source", maintenanceBy))
                    : new Event(now, siteId, Event.Kind.OPERATOR, "maintenance ended: back to automatic",
                            Map.of("state", "maintenance_ended")));
            appliedMaintenance = m;
        }
        BatteryHold b = battery;
        if (b != null && !now.isBefore(b.until())) {
            battery = null;
            b = null;
        }
        if (b != appliedBattery) {
            events.accept(b != null
                    ? new Event(now, siteId, Event.Kind.OPERATOR, String.format(Locale.ROOT,
                            "battery held at %.1f kW until %s (%s)", b.kw(), b.until(), b.source()),
                            Map.of("state", "battery_hold", "kw", Event.kw(b.kw()), "until", b.until().toString(),
                                    "source", b.source()))
                    : new Event(now, siteId, Event.Kind.OPERATOR, "manual battery setpoint ended: the strategy runs "
                            + "the battery again", Map.of("state", "battery_released")));
            appliedBattery = b;
        }
        if (m) {
            sp.batteryKw(0);
        } else if (b != null) {
            sp.batteryKw(b.kw());
        }
        RenewablesLimit l = limit;
        if (l != null && !now.isBefore(l.until())) {
            limit = null;
            l = null;
        }
        if (l != appliedLimit) {
            events.accept(l != null
                    ? new Event(now, siteId, Event.Kind.OPERATOR, String.format(Locale.ROOT,
                            "wind limited to %s, PV to %s until %s (%s)", kw(l.windKw()), kw(l.pvKw()), l.until(),
                            l.source()), Map.of("state", "limit", "wind_kw", kw(l.windKw()), "pv_kw", kw(l.pvKw()),
                                    "until", l.until().toString(), "source", l.source()))
                    : new Event(now, siteId, Event.Kind.OPERATOR, "manual wind and PV limits ended",
                            Map.of("state", "limit_released")));
            appliedLimit = l;
        }
        if (l != null) {
            sp.limitRenewables(Math.min(sp.windLimitKw(), l.windKw()), Math.min(sp.pvLimitKw(), l.pvKw()));
        }
    }

    private static String kw(double kw) {
        return kw == Double.POSITIVE_INFINITY ? "none" : Event.kw(kw) + " kW";
    }
}
