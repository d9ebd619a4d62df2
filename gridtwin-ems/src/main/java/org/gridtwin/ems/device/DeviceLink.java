package org.gridtwin.ems.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.gridtwin.ems.Event;

/**
 * A field device's health as the live loop sees it: each cycle a poll is started for every device at once and then
 * collected within the device's timeout. A reading is used only when it is plausible; otherwise the last good one
 * stays, its age grows, and once it is older than the stale limit the device raises a {@link Event.Kind#DEVICE}
 * alarm (once per episode) and the site's measurements become stale, which makes the safety layer hold the
 * battery at its safe setpoint. After a failure the device is asked again after 2, 4, 8 ... s (at most
 * {@link Settings#maxBackoff}), so a dead device does not cost its timeout every cycle (reconnecting is the
 * adapter's job); the first good answer ends
 * the episode with a recovery event.
 *
 * <p>A reading with the same time as the last good one is no news (a device whose messages arrive by
 * subscription answers its latest message until a newer one comes): it keeps the age growing.
 *
 * <p>Bad data: a power that is NaN or beyond 1.5 × the device's rating (+1 kW), a state of charge outside 0..1, an
 * energy counter that goes backwards, or one that stays frozen for {@link #FROZEN_POLLS} polls while the power
 * says energy flows.
 */
public final class DeviceLink {
    /** Polls with an unchanged counter at a power above 5 % of the rating after which the counter is frozen. */
    public static final int FROZEN_POLLS = 10;

    /**
     * @param timeout    how long a poll or a write may take
     * @param staleAfter age of the last good reading after which the device is stale (alarm, safe setpoint)
     * @param maxBackoff longest wait between attempts at a failing device
     */
    public record Settings(Duration timeout, Duration staleAfter, Duration maxBackoff) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(30));
        }
    }

    private final String siteId;
    private final FieldDevice device;
    private final double ratedKw;
    private final Settings settings;
    private final Consumer<Event> events;
    private CompletableFuture<DeviceReading> pending;
    private volatile DeviceReading lastGood;
    private volatile Instant lastGoodAt;
    private Instant firstSeen;
    private Instant nextAttempt = Instant.MIN;
    private int failures;
    private volatile String problem;
    private volatile boolean alarmed;
    private int frozenPolls;
    private long polls;
    private long failed;
    private volatile long lastLatencyNanos;

    public DeviceLink(String siteId, FieldDevice device, double ratedKw, Settings settings, Consumer<Event> events) {
        this.siteId = siteId;
        this.device = device;
        this.ratedKw = ratedKw;
        this.settings = settings;
        this.events = events;
    }

    public FieldDevice device() {
        return device;
    }

    /** The asset's rating, kW (0 when unknown): bounds plausible readings and splits a role's limits. */
    public double ratedKw() {
        return ratedKw;
    }

    public Settings settings() {
        return settings;
    }

    /** Starts a poll unless the device is in its back-off. */
    public void start(Instant now) {
        if (firstSeen == null) {
            firstSeen = now;
        }
        if (now.isBefore(nextAttempt)) {
            pending = null;
            return;
        }
        long t0 = System.nanoTime();
        pending = device.read().toCompletableFuture();
        pending.whenComplete((r, e) -> lastLatencyNanos = System.nanoTime() - t0);
    }

    /** How long the last completed poll took from request to answer, ns (for the bench and metrics). */
    public long lastLatencyNanos() {
        return lastLatencyNanos;
    }

    /** Collects the poll started last, waiting until {@code deadlineNanos} ({@link System#nanoTime}) at most. */
    public void finish(Instant now, long deadlineNanos) {
        if (pending != null) {
            polls++;
            CompletableFuture<DeviceReading> p = pending;
            pending = null;
            try {
                long wait = Math.max(0, deadlineNanos - System.nanoTime());
                accept(now, p.get(wait, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                p.cancel(true);
                fail(now, "no answer within " + settings.timeout().toMillis() + " ms");
            } catch (ExecutionException e) {
                fail(now, e.getCause() == null ? e.toString() : String.valueOf(e.getCause().getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(now, "interrupted");
            }
        }
        checkStale(now);
    }

    private void accept(Instant now, DeviceReading r) {
        if (lastGood != null && r.time().equals(lastGood.time())) {
            // the same reading again (a publish-side device that has sent nothing new): no fresher than before
            problem = "no new reading since " + lastGood.time();
            return;
        }
        String bad = implausible(r);
        if (bad != null) {
            fail(now, "bad data: " + bad);
            return;
        }
        lastGood = r;
        lastGoodAt = now;
        failures = 0;
        nextAttempt = Instant.MIN;
        if (alarmed) {
            alarmed = false;
            events.accept(new Event(now, siteId, Event.Kind.DEVICE, String.format(Locale.ROOT,
                    "%s (%s) answers again after: %s", device.id(), device.role().key(), problem),
                    Map.of("device", device.id(), "role", device.role().key(), "state", "recovered", "reason",
                            problem)));
        }
        problem = null;
    }

    private String implausible(DeviceReading r) {
        double limit = 1.5 * ratedKw + 1;
        if (Double.isNaN(r.powerKw()) || Double.isInfinite(r.powerKw())) {
            return "power not reported";
        }
        if (ratedKw > 0 && Math.abs(r.powerKw()) > limit) {
            return String.format(Locale.ROOT, "power %.1f kW beyond 1.5 x the rating of %.0f kW", r.powerKw(),
                    ratedKw);
        }
        if (device.role() == DeviceRole.BATTERY && !(r.socFraction() >= 0 && r.socFraction() <= 1)) {
            return "state of charge " + r.socFraction() + " outside 0..1";
        }
        if (lastGood != null) {
            if (r.toBusKwh() < lastGood.toBusKwh() - 1e-6 || r.fromBusKwh() < lastGood.fromBusKwh() - 1e-6) {
                return String.format(Locale.ROOT, "energy counter went back (%.3f -> %.3f kWh in, %.3f -> %.3f kWh"
                        + " out)", lastGood.toBusKwh(), r.toBusKwh(), lastGood.fromBusKwh(), r.fromBusKwh());
            }
            boolean flowing = ratedKw > 0 && Math.abs(r.powerKw()) > 0.05 * ratedKw;
            boolean same = r.toBusKwh() == lastGood.toBusKwh() && r.fromBusKwh() == lastGood.fromBusKwh()
                    && !Double.isNaN(r.toBusKwh());
            frozenPolls = flowing && same ? frozenPolls + 1 : 0;
            if (frozenPolls >= FROZEN_POLLS) {
                return String.format(Locale.ROOT, "energy counter frozen for %d polls at %.1f kW", frozenPolls,
                        r.powerKw());
            }
        }
        return null;
    }

    private void fail(Instant now, String reason) {
        failed++;
        failures++;
        problem = reason;
        long seconds = 1L << Math.min(failures, 16);
        nextAttempt = now.plus(Duration.ofSeconds(Math.min(seconds, settings.maxBackoff().toSeconds())));
    }

    private void checkStale(Instant now) {
        Instant since = lastGoodAt != null ? lastGoodAt : firstSeen;
        long age = Duration.between(since, now).toSeconds();
        if (!alarmed && problem != null && age >= settings.staleAfter().toSeconds()) {
            alarmed = true;
            events.accept(new Event(now, siteId, Event.Kind.DEVICE, String.format(Locale.ROOT,
                    "%s (%s) without a good reading for %d s (limit %d s): %s", device.id(), device.role().key(),
                    age, settings.staleAfter().toSeconds(), problem),
                    Map.of("device", device.id(), "role", device.role().key(), "state", "stale", "age_s",
                            Long.toString(age), "limit_s", Long.toString(settings.staleAfter().toSeconds()),
                            "reason", problem)));
        }
    }

    /** The last plausible reading, or null before the first. */
    public DeviceReading lastGood() {
        return lastGood;
    }

    /** When the last plausible reading arrived, or null. */
    public Instant lastGoodAt() {
        return lastGoodAt;
    }

    /** Whether the device is in an alarm episode (stale). */
    public boolean stale() {
        return alarmed;
    }

    /** Why the latest poll failed, or null when it did not. */
    public String problem() {
        return problem;
    }

    public long polls() {
        return polls;
    }

    public long failedPolls() {
        return failed;
    }
}
