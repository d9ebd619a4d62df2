package org.gridtwin.ems;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.gridtwin.model.Battery;

/**
 * What an operator may tell a site from outside (an MQTT command today, the API with authentication later), and
 * how it is carried out: into the site's {@link ManualControl}, expiring on the site's clock, clipped each cycle by
 * the safety layer like any setpoint. {@link #execute} answers what was done and what the limits will make of it.
 */
public sealed interface OperatorCommand {
    /** The longest an instruction may last: a day; a longer one is a configuration, not a command. */
    Duration LONGEST = Duration.ofDays(1);

    /** Hold the battery at {@code kw} (positive = discharge) for {@code duration}. */
    record BatterySetpoint(double kw, Duration duration) implements OperatorCommand {
    }

    /** Limit wind and PV (kW, infinity for none) for {@code duration}. */
    record RenewablesLimit(double windKw, double pvKw, Duration duration) implements OperatorCommand {
    }

    /** End every instruction: back to automatic. */
    record Release() implements OperatorCommand {
    }

    /** Maintenance: the battery at 0 kW until back to automatic. */
    record Maintenance() implements OperatorCommand {
    }

    /** Run the site on another rule strategy from the next cycle. */
    record SwitchStrategy(String name) implements OperatorCommand {
    }

    /**
     * An islanding drill on a twin site: the public grid taken away ({@code down}) or given back. Administrators
     * only, and only where the devices can pretend (twins): a field site's breaker is not opened from outside.
     */
    record GridDrill(boolean down) implements OperatorCommand {
    }

    /**
     * A command from its fields as any transport carries them (a JSON object read into a map: numbers as
     * {@link Number}, absent or null for none): {@code type} battery_setpoint ({@code kw}, {@code minutes}),
     * renewables_limit ({@code wind_kw}, {@code pv_kw}, {@code minutes}; an absent limit is none) or release.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static OperatorCommand of(java.util.Map<String, ?> f) {
        Object type = f.get("type");
        Duration minutes = Duration.ofMinutes(f.get("minutes") instanceof Number n ? n.longValue() : 0);
        return switch (type instanceof String s ? s : "") {
            case "battery_setpoint" -> {
                if (!(f.get("kw") instanceof Number kw)) {
                    throw new IllegalArgumentException("battery_setpoint needs a number kw");
                }
                yield new BatterySetpoint(kw.doubleValue(), minutes);
            }
            case "renewables_limit" -> new RenewablesLimit(limit(f.get("wind_kw")), limit(f.get("pv_kw")), minutes);
            case "release" -> new Release();
            case "mode" -> switch (f.get("mode") instanceof String m ? m : "") {
                case "automatic" -> new Release();
                case "maintenance" -> new Maintenance();
                case "manual" -> throw new IllegalArgumentException("manual is what a battery_setpoint or a "
                        + "renewables_limit puts the site in; mode takes automatic or maintenance");
                default -> throw new IllegalArgumentException("mode must be automatic or maintenance, not '"
                        + f.get("mode") + "'");
            };
            case "strategy" -> new SwitchStrategy(f.get("name") instanceof String n ? n : "");
            case "grid_outage" -> switch (f.get("state") instanceof String st ? st : "") {
                case "down" -> new GridDrill(true);
                case "up" -> new GridDrill(false);
                default -> throw new IllegalArgumentException("grid_outage needs state down or up, not '"
                        + f.get("state") + "'");
            };
            default -> throw new IllegalArgumentException("type must be battery_setpoint, renewables_limit, "
                    + "release, mode, strategy or grid_outage, not '" + type + "'");
        };
    }

    private static double limit(Object v) {
        return v instanceof Number n ? n.doubleValue() : v == null ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /** What became of a command: accepted or refused, a sentence, and until when it holds (null if it does not). */
    record Outcome(boolean accepted, String detail, Instant until) {
        public static Outcome refused(String why) {
            return new Outcome(false, why, null);
        }
    }

    /**
     * Carries {@code c} out on {@code site}, counting its duration from the next cycle (the first it acts in: the
     * last cycle's start plus its length, on the site's clock).
     *
     * @param source who sent it, for the event log ("mqtt", a user name)
     */
    static Outcome execute(LiveSite site, OperatorCommand c, String source) {
        Instant now = site.lastTime();
        if (now == null) {
            return Outcome.refused("site " + site.site().id() + " has not run a cycle yet");
        }
        if (c instanceof Release) {
            site.manual().release();
            return new Outcome(true, "instructions released: the strategy runs " + site.site().id() + " again",
                    null);
        }
        if (c instanceof Maintenance) {
            if (site.site().battery() == null) {
                return Outcome.refused("site " + site.site().id() + " has no battery to hold for maintenance");
            }
            site.manual().maintenance(source);
            return new Outcome(true, "maintenance: the battery of " + site.site().id() + " is held at 0 kW until "
                    + "mode automatic", null);
        }
        if (c instanceof GridDrill g) {
            if (!site.simulateGridOutage(g.down())) {
                return Outcome.refused("site " + site.site().id() + " runs on field devices: a grid outage can be "
                        + "drilled on twins only");
            }
            return new Outcome(true, g.down() ? "drill: the grid of " + site.site().id() + " is gone from the next "
                    + "cycle (grid_outage up ends it)" : "drill over: the grid of " + site.site().id() + " is back "
                    + "from the next cycle; the site resynchronises after " + site.site().resilience().island()
                    .resyncDelaySeconds() + " s", null);
        }
        if (c instanceof SwitchStrategy s) {
            try {
                site.manual().switchStrategy(s.name(), source);
            } catch (IllegalArgumentException e) {
                return Outcome.refused(e.getMessage());
            }
            return new Outcome(true, site.site().id() + " runs on " + s.name() + " from the next cycle (it was "
                    + site.strategyName() + ")", null);
        }
        Duration d = c instanceof BatterySetpoint b ? b.duration() : ((RenewablesLimit) c).duration();
        if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
            return Outcome.refused("a command lasts more than 0 and at most 1440 minutes, not " + d.toMinutes());
        }
        Instant until = now.plusMillis(Math.round(site.lastSeconds() * 1000)).plus(d);
        if (c instanceof BatterySetpoint b) {
            Battery bat = site.site().battery();
            if (bat == null) {
                return Outcome.refused("site " + site.site().id() + " has no battery");
            }
            if (!Double.isFinite(b.kw())) {
                return Outcome.refused("kw must be a finite number, not " + b.kw());
            }
            if (site.manual().inMaintenance()) {
                return Outcome.refused("site " + site.site().id() + " is in maintenance (battery at 0 kW): set mode "
                        + "automatic first");
            }
            site.manual().holdBattery(b.kw(), until, source);
            double rating = b.kw() >= 0 ? bat.dischargeKw() : bat.chargeKw();
            String clip = Math.abs(b.kw()) > rating ? String.format(Locale.ROOT, "; the safety layer holds it to the "
                    + "%.0f kW %s rating", rating, b.kw() >= 0 ? "discharge" : "charge") : "";
            return new Outcome(true, String.format(Locale.ROOT, "battery held at %.1f kW until %s%s, and within the "
                    + "SoC window each cycle", b.kw(), until, clip), until);
        }
        RenewablesLimit l = (RenewablesLimit) c;
        if (!(l.windKw() >= 0) || !(l.pvKw() >= 0)) {
            return Outcome.refused("limits are >= 0 kW, not wind " + l.windKw() + ", PV " + l.pvKw());
        }
        site.manual().limitRenewables(l.windKw(), l.pvKw(), until, source);
        return new Outcome(true, String.format(Locale.ROOT, "wind limited to %s, PV to %s until %s",
                kw(l.windKw()), kw(l.pvKw()), until), until);
    }

    private static String kw(double kw) {
        return kw == Double.POSITIVE_INFINITY ? "none" : String.format(Locale.ROOT, "%.1f kW", kw);
    }
}
