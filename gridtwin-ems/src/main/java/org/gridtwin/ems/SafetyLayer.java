package org.gridtwin.ems;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sits between a strategy and the devices: clips the battery setpoint to what the battery can do this cycle
 * (ratings and SoC window, as measured), limits its rate of change, and holds the battery at 0 kW when the
 * measurements are stale; with an {@link ExportGuard} it then also limits wind + PV to the export limit (the safe
 * state when nothing is known about the load). A strategy's wind and PV limits pass through (negative ones as 0). Every intervention is counted; a run of consecutive clips is reported as one
 * {@link Event} when it starts (rule strategies routinely ask for the whole net load and leave the limits to the
 * harness, which would otherwise log an event every cycle).
 */
public final class SafetyLayer {
    /** Clips smaller than this are float noise, not events. */
    private static final double NOISE_KW = 1e-6;

    private final String siteId;
    private final double rampKwPerSecond;
    private final long staleAfterSeconds;
    private final Consumer<Event> events;
    private final ExportGuard guard;
    private double lastKw;
    private boolean clipping;
    private long clips;
    private long ramps;
    private long staleCycles;
    private boolean staleEpisode;

    /**
     * @param rampKwPerSecond   largest change of the setpoint per second (infinity for none)
     * @param staleAfterSeconds measurements older than this are not acted on
     */
    public SafetyLayer(String siteId, double rampKwPerSecond, long staleAfterSeconds, Consumer<Event> events) {
        this(siteId, rampKwPerSecond, staleAfterSeconds, null, events);
    }

    /**
     * @param guard the site's export guard, whose {@link ExportGuard#safeLimits} apply while the measurements are
     *              stale; null for none
     */
    public SafetyLayer(String siteId, double rampKwPerSecond, long staleAfterSeconds, ExportGuard guard,
            Consumer<Event> events) {
        if (!(rampKwPerSecond > 0)) {
            throw new IllegalArgumentException("ramp limit must be > 0 kW/s, was " + rampKwPerSecond);
        }
        this.siteId = siteId;
        this.rampKwPerSecond = rampKwPerSecond;
        this.staleAfterSeconds = staleAfterSeconds;
        this.events = events;
        this.guard = guard;
    }

    /**
     * The setpoints the devices may receive for a cycle of {@code cycleSeconds} starting at {@code now}: the battery
     * power through {@link #apply(double, Measurements, Instant, double)}, the requested limits, and while the
     * measurements are stale the guard's safe limits.
     */
    public void apply(org.gridtwin.dispatch.Setpoints requested, Measurements m, Instant now, double cycleSeconds,
            org.gridtwin.dispatch.Setpoints out) {
        out.reset();
        out.limitRenewables(requested.windLimitKw(), requested.pvLimitKw());
        out.batteryKw(apply(requested.batteryKw(), m, now, cycleSeconds));
        if (staleEpisode && guard != null) {
            guard.safeLimits(out);
        }
    }

    /** The battery setpoint the devices may receive for a cycle of {@code cycleSeconds} starting at {@code now}. */
    public double apply(double requestedKw, Measurements m, Instant now, double cycleSeconds) {
        long age = now.getEpochSecond() - m.measuredEpochSecond;
        if (m.incomplete || age > staleAfterSeconds) {
            if (!staleEpisode) {
                // one event per episode: a dead meter at 1-s cycles must not write an alarm a second
                staleEpisode = true;
                String renewables = guard != null && guard.canExceed() ? String.format(Locale.ROOT,
                        ", wind + PV limited to the %.0f kW export limit", guard.exportLimitKw()) : "";
                Map<String, String> values = new java.util.LinkedHashMap<>();
                values.put("state", (m.incomplete ? "incomplete" : "old") + (renewables.isEmpty() ? "" : "_limited"));
                if (!m.incomplete) {
                    values.put("age_s", Long.toString(age));
                }
                values.put("limit_s", Long.toString(staleAfterSeconds));
                if (!renewables.isEmpty()) {
                    values.put("export_limit_kw", Event.kw(guard.exportLimitKw()));
                }
                events.accept(new Event(now, siteId, Event.Kind.STALE, m.incomplete
                        ? "measurements incomplete (a device has not answered yet): battery held at 0 kW" + renewables
                        : String.format(Locale.ROOT, "measurements are %d s old (limit %d s): battery held at 0 kW%s",
                                age, staleAfterSeconds, renewables), values));
            }
            lastKw = 0;
            staleCycles++;
            return 0;
        }
        staleEpisode = false;
        double kw = Double.isNaN(requestedKw) ? 0 : requestedKw;
        double clipped = Math.max(-m.maxChargeKw, Math.min(m.maxDischargeKw, kw));
        boolean clip = Math.abs(clipped - kw) > NOISE_KW;
        if (clip) {
            clips++;
        }
        if (clip && !clipping) {
            events.accept(new Event(now, siteId, Event.Kind.CLIP, String.format(Locale.ROOT,
                    "battery %.1f kW requested, %.1f kW possible (charge ≤ %.1f, discharge ≤ %.1f)", kw, clipped,
                    m.maxChargeKw, m.maxDischargeKw), Map.of("requested_kw", Event.kw(kw), "possible_kw",
                    Event.kw(clipped), "max_charge_kw", Event.kw(m.maxChargeKw), "max_discharge_kw",
                    Event.kw(m.maxDischargeKw))));
        }
        clipping = clip;
        double step = rampKwPerSecond * cycleSeconds;
        double ramped = Math.max(lastKw - step, Math.min(lastKw + step, clipped));
        if (Math.abs(ramped - clipped) > NOISE_KW) {
            ramps++;
            events.accept(new Event(now, siteId, Event.Kind.RAMP, String.format(Locale.ROOT,
                    "battery %.1f kW held to %.1f kW by the %.1f kW/s ramp limit", clipped, ramped,
                    rampKwPerSecond), Map.of("requested_kw", Event.kw(clipped), "held_kw", Event.kw(ramped),
                    "ramp_kw_per_s", Event.kw(rampKwPerSecond))));
        }
        lastKw = ramped;
        return ramped;
    }

    /** Cycles whose setpoint was clipped to the battery's limits. */
    public long clips() {
        return clips;
    }

    /** Cycles whose setpoint the ramp limit held back. */
    public long ramps() {
        return ramps;
    }

    /** Cycles skipped for stale measurements. */
    public long staleCycles() {
        return staleCycles;
    }
}
