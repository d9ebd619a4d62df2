package org.gridtwin.ems.device;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.ems.Event;
import org.gridtwin.ems.ExportGuard;
import org.gridtwin.ems.Measurements;
import org.gridtwin.ems.SiteDevices;
import org.gridtwin.model.Battery;
import org.gridtwin.model.Site;
import org.gridtwin.physics.battery.BatteryPhysics;

/**
 * A site run on field devices: its {@link Measurements} composed from the devices each cycle, the battery setpoint
 * written to its PCS. The same {@link SiteDevices} port as the twins, so the live loop, the strategy and the safety
 * layer do not know which they drive.
 *
 * <p>Composition: wind and PV available power are the sums of their devices' power (a producing inverter without a
 * limit delivers what is available); the load is the load meters' consumption, or, without one, the balance at the
 * grid meter (grid + PV + wind + battery). The battery's feasible powers come from its measured state of charge and
 * the scenario's ratings, window and efficiencies. The measurements are as old as the oldest last good reading, so
 * one stale device makes the safety layer hold the battery at 0 kW.
 *
 * <p>Limits: {@link #write} keeps export within the connection's limit ({@link ExportGuard}) and writes wind and PV
 * limits to the inverters that take them. A field site cannot measure what its limited plants could have produced,
 * so its flows report no curtailment.
 *
 * <p>Flows: a site's energies come from the devices' energy counters, so what is counted over a day equals the
 * meters' own difference, whatever the polling jitter; the flows a cycle reports are those counted between the
 * previous read and this one (the cycle before), or the powers of the previous read for devices without counters.
 */
public final class FieldSite implements SiteDevices {
    private final Site site;
    private final List<DeviceLink> links;
    private final SiteCalendar calendar;
    private final Consumer<Event> events;
    private final int revertSeconds;
    private Flows flows = new Flows(0, 0, 0, 0, 0, 0, 0, Double.NaN);
    private final Map<DeviceLink, DeviceReading> previous = new java.util.HashMap<>();
    private Instant previousTime;
    private boolean writeFailing;
    private Instant requested;
    private long requestedNanos;
    private final List<PendingWrite> writes = new java.util.ArrayList<>();
    /** Production at this share of the guard's cap or more means the plants run at it: the guard binds. */
    private static final double BINDING_FRACTION = 0.99;
    private final ExportGuard guard;
    /** Each role's devices' summed rating and count: how a role's limit is split among its devices. */
    private final Map<DeviceRole, Double> ratedByRole = new EnumMap<>(DeviceRole.class);
    private final Map<DeviceRole, Integer> countByRole = new EnumMap<>(DeviceRole.class);
    private final Setpoints limits = new Setpoints();
    private final java.util.Set<DeviceLink> limited = new java.util.HashSet<>();
    private boolean limitFailing;
    private boolean curtailing;
    private double readWindKw;
    private double readPvKw;
    private double readLoadKw;
    private final double gridLostBelowV;
    private IslandStatus island = IslandStatus.CONNECTED;

    /**
     * @param revertSeconds how long a battery keeps a setpoint without a new one (written with each setpoint)
     */
    public FieldSite(Site site, List<DeviceLink> links, Consumer<Event> events, int revertSeconds) {
        this(site, links, events, revertSeconds, Double.NaN);
    }

    /**
     * @param gridLostBelowV the grid meter's voltage below which the public grid is lost (NaN: the site is taken to
     *                       be on the grid whatever it reads)
     */
    public FieldSite(Site site, List<DeviceLink> links, Consumer<Event> events, int revertSeconds,
            double gridLostBelowV) {
        this.gridLostBelowV = gridLostBelowV;
        this.site = site;
        this.links = List.copyOf(links);
        this.calendar = new SiteCalendar(site);
        this.events = events;
        this.revertSeconds = revertSeconds;
        this.guard = ExportGuard.of(site);
        for (DeviceLink l : this.links) {
            ratedByRole.merge(l.device().role(), l.ratedKw(), Double::sum);
            countByRole.merge(l.device().role(), 1, Integer::sum);
        }
    }

    public List<DeviceLink> links() {
        return links;
    }

    public Site site() {
        return site;
    }

    /** A sentence for each device in an alarm episode (stale), for the server's health. */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        for (DeviceLink l : links) {
            if (l.stale()) {
                out.add(String.format(Locale.ROOT, "device %s (%s) of %s has no good reading since %s: %s",
                        l.device().id(), l.device().role().key(), site.id(),
                        l.lastGoodAt() == null ? "the start" : l.lastGoodAt().toString(), l.problem()));
            }
        }
        return out;
    }

    @Override
    public void request(Instant now) {
        if (!now.equals(requested)) {
            requested = now;
            requestedNanos = System.nanoTime();
            for (DeviceLink l : links) {
                l.start(now);
            }
        }
    }

    @Override
    public void read(Instant now, double hours, Measurements m) {
        request(now);
        awaitWrites();
        for (DeviceLink l : links) {
            l.finish(now, requestedNanos + l.settings().timeout().toNanos());
        }
        Map<DeviceRole, Double> power = new EnumMap<>(DeviceRole.class);
        Instant oldest = now;
        boolean all = true;
        double soc = Double.NaN;
        for (DeviceLink l : links) {
            DeviceReading r = l.lastGood();
            if (r == null) {
                all = false;
                continue;
            }
            if (l.lastGoodAt().isBefore(oldest)) {
                oldest = l.lastGoodAt();
            }
            power.merge(l.device().role(), r.powerKw(), Double::sum);
            if (l.device().role() == DeviceRole.BATTERY) {
                soc = r.socFraction();
            }
        }
        flows = flowsSince(now, soc);
        calendar.at(now);
        m.gridAvailable = gridAvailable();
        island = islandStatus(m.gridAvailable);
        // a device never read makes the measurements incomplete: nothing is acted on before every device has
        // answered once
        m.measuredEpochSecond = oldest.getEpochSecond();
        m.incomplete = !all;
        m.minuteOfDay = calendar.minuteOfDay();
        m.dayOfWeek = calendar.dayOfWeek();
        m.month = calendar.month();
        m.windAvailableKw = Math.max(0, power.getOrDefault(DeviceRole.WIND, 0.0));
        m.pvAvailableKw = Math.max(0, power.getOrDefault(DeviceRole.PV, 0.0));
        double battery = power.getOrDefault(DeviceRole.BATTERY, 0.0);
        m.loadKw = power.containsKey(DeviceRole.LOAD_METER) ? Math.max(0, -power.get(DeviceRole.LOAD_METER))
                : Math.max(0, power.getOrDefault(DeviceRole.GRID_METER, 0.0) + m.windAvailableKw + m.pvAvailableKw
                        + battery);
        Battery b = site.battery();
        if (b != null && !Double.isNaN(soc)) {
            double stored = soc * b.energyKwh();
            m.socFraction = soc;
            m.maxChargeKw = BatteryPhysics.maxChargeKw(stored, b.socMaxFraction() * b.energyKwh(), b.chargeKw(),
                    b.chargeEfficiency(), hours);
            m.maxDischargeKw = BatteryPhysics.maxDischargeKw(stored, b.socMinFraction() * b.energyKwh(),
                    b.dischargeKw(), b.dischargeEfficiency(), hours);
        } else {
            m.socFraction = b == null ? 0 : Double.NaN;
            m.maxChargeKw = 0;
            m.maxDischargeKw = 0;
        }
        readWindKw = m.windAvailableKw;
        readPvKw = m.pvAvailableKw;
        readLoadKw = m.loadKw;
        m.importPriceYuanPerKwh = calendar.priceYuanPerKwh();
        m.period = calendar.period();
        m.emissionTPerMwh = calendar.emissionTPerMwh();
    }

    /** The grid meter's last good voltage against the threshold; unknown (NaN) counts as available. */
    private boolean gridAvailable() {
        if (Double.isNaN(gridLostBelowV)) {
            return true;
        }
        for (DeviceLink l : links) {
            if (l.device().role() == DeviceRole.GRID_METER && l.lastGood() != null) {
                return !(l.lastGood().voltageV() < gridLostBelowV);
            }
        }
        return true;
    }

    /**
     * On field devices the converter and the protection make the island: the site is islanded (a grid-forming
     * battery) or dark while the meter says the grid is lost, and back when it returns. No tier is shed: load
     * breakers are not bound yet.
     */
    private IslandStatus islandStatus(boolean gridUp) {
        boolean wasUp = island.state() == org.gridtwin.physics.bus.IslandState.CONNECTED;
        if (gridUp) {
            return wasUp ? IslandStatus.CONNECTED : new IslandStatus(org.gridtwin.physics.bus.IslandState.CONNECTED,
                    0, 0, 0, 0, org.gridtwin.physics.bus.SiteBus.RESYNC);
        }
        boolean forming = site.hasBattery() && site.resilience().island().gridForming();
        org.gridtwin.physics.bus.IslandState state = forming ? org.gridtwin.physics.bus.IslandState.ISLANDED
                : org.gridtwin.physics.bus.IslandState.BLACKOUT;
        int bit = !wasUp ? 0 : forming ? org.gridtwin.physics.bus.SiteBus.ISLANDED_NOW
                : org.gridtwin.physics.bus.SiteBus.BLACKOUT_NOW;
        return new IslandStatus(state, forming ? 0 : org.gridtwin.physics.bus.SiteBus.SHED_ALL, 0, 0, 0, bit);
    }

    @Override
    public IslandStatus island() {
        return island;
    }

    /** The flows counted between the previous read and this one, kW averaged over that time. */
    private Flows flowsSince(Instant now, double soc) {
        Map<DeviceRole, Double> in = new EnumMap<>(DeviceRole.class);
        Map<DeviceRole, Double> out = new EnumMap<>(DeviceRole.class);
        double hours = previousTime == null ? 0 : (now.toEpochMilli() - previousTime.toEpochMilli()) / 3.6e6;
        for (DeviceLink l : links) {
            DeviceReading r = l.lastGood();
            DeviceReading p = previous.get(l);
            if (r == null) {
                continue;
            }
            if (p != null && hours > 0) {
                double toBus;
                double fromBus;
                if (!Double.isNaN(r.toBusKwh()) && !Double.isNaN(p.toBusKwh()) && !Double.isNaN(r.fromBusKwh())
                        && !Double.isNaN(p.fromBusKwh())) {
                    toBus = r.toBusKwh() - p.toBusKwh();
                    fromBus = r.fromBusKwh() - p.fromBusKwh();
                } else {
                    // no counters: the power read at the start of the interval held over it
                    toBus = Math.max(0, p.powerKw()) * hours;
                    fromBus = Math.max(0, -p.powerKw()) * hours;
                }
                in.merge(l.device().role(), toBus, Double::sum);
                out.merge(l.device().role(), fromBus, Double::sum);
            }
            previous.put(l, r);
        }
        previousTime = now;
        if (hours <= 0) {
            return new Flows(0, 0, 0, 0, 0, 0, 0, Double.isNaN(soc) ? 0 : soc);
        }
        java.util.function.ToDoubleFunction<DeviceRole> net = role -> (in.getOrDefault(role, 0.0)
                - out.getOrDefault(role, 0.0)) / hours;
        double wind = net.applyAsDouble(DeviceRole.WIND);
        double pv = net.applyAsDouble(DeviceRole.PV);
        double bat = net.applyAsDouble(DeviceRole.BATTERY);
        boolean hasLoad = in.containsKey(DeviceRole.LOAD_METER);
        boolean hasGrid = in.containsKey(DeviceRole.GRID_METER);
        double grid = net.applyAsDouble(DeviceRole.GRID_METER);
        double load = hasLoad ? -net.applyAsDouble(DeviceRole.LOAD_METER) : grid + wind + pv + bat;
        if (!hasGrid) {
            grid = load - wind - pv - bat;
        }
        return new Flows(wind, pv, load, bat, grid, 0, 0, Double.isNaN(soc) ? 0 : soc);
    }

    /**
     * Sends the setpoints without waiting for the answers, so the cycle does not cost a round trip more; the answers
     * are collected at the next cycle's read ({@link #awaitWrites}). Before that the {@link ExportGuard} applies the
     * grid connection's export limit to what was measured at this cycle's read, as the twins' bus does physically:
     * discharge reduced first, then wind and PV limited. A role's limit is split among its devices by rating; a limit
     * is written every cycle while it holds (renewing the devices' revert timers) and released once when it ends.
     */
    @Override
    public void write(Setpoints applied) {
        if (island.state() != org.gridtwin.physics.bus.IslandState.CONNECTED) {
            // the grid-forming converter balances the island: a power setpoint would fight it, and with nothing
            // to export there is nothing to limit
            return;
        }
        double bat = guard.batteryKw(readWindKw, readPvKw, readLoadKw, applied.batteryKw());
        limits.set(applied);
        double limitKw = guard.limit(readWindKw, readPvKw, readLoadKw, bat, limits);
        boolean binding = readWindKw + readPvKw >= BINDING_FRACTION * limitKw;
        if (binding && !curtailing) {
            events.accept(new Event(requested, site.id(), Event.Kind.CURTAIL, String.format(Locale.ROOT,
                    "wind + PV limited to %.1f kW to keep export within %.0f kW (load %.1f kW, battery %.1f kW)",
                    limitKw, guard.exportLimitKw(), readLoadKw, bat), Map.of("limit_kw", Event.kw(limitKw),
                            "export_limit_kw", Event.kw(guard.exportLimitKw()), "load_kw", Event.kw(readLoadKw),
                            "battery_kw", Event.kw(bat))));
        }
        curtailing = binding;
        for (DeviceLink l : links) {
            DeviceRole role = l.device().role();
            if (role == DeviceRole.BATTERY) {
                writes.add(new PendingWrite(l, String.format(Locale.ROOT, "battery setpoint %.1f kW", bat),
                        l.device().writeBatteryKw(bat, revertSeconds).toCompletableFuture()));
            } else if (role == DeviceRole.PV || role == DeviceRole.WIND) {
                double roleLimit = role == DeviceRole.PV ? limits.pvLimitKw() : limits.windLimitKw();
                boolean limit = roleLimit != Double.POSITIVE_INFINITY;
                if (limit || limited.contains(l)) {
                    double rated = ratedByRole.get(role);
                    double kw = !limit ? Double.POSITIVE_INFINITY
                            : rated > 0 ? roleLimit * l.ratedKw() / rated : roleLimit / countByRole.get(role);
                    String what = limit ? String.format(Locale.ROOT, "%s limit %.1f kW", role.key(), kw)
                            : role.key() + " limit release";
                    writes.add(new PendingWrite(l, what, l.device().writeLimitKw(kw, revertSeconds)
                            .toCompletableFuture()));
                    if (limit) {
                        limited.add(l);
                    } else {
                        limited.remove(l);
                    }
                }
            }
        }
    }

    private record PendingWrite(DeviceLink link, String what, java.util.concurrent.CompletableFuture<Void> done) {
    }

    /**
     * Collects the answers to the setpoints sent last, each within its device's timeout, and reports a failed one
     * (once per episode, battery setpoints and power limits each). The next read does it; a harness that steps
     * faster than the devices' clock (a replay, a test) calls it after each cycle, so a setpoint is in the device
     * before its next tick.
     */
    public void awaitWrites() {
        if (writes.isEmpty()) {
            return; // nothing sent since the last collection: the episodes stand as they are
        }
        String batteryFailure = null;
        String limitFailure = null;
        boolean batteryWritten = false;
        boolean limitWritten = false;
        for (PendingWrite w : writes) {
            boolean battery = w.link().device().role() == DeviceRole.BATTERY;
            batteryWritten |= battery;
            limitWritten |= !battery;
            String why = null;
            try {
                w.done().get(w.link().settings().timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                w.done().cancel(true);
                why = w.link().device().id() + ": no answer within " + w.link().settings().timeout().toMillis()
                        + " ms";
            } catch (java.util.concurrent.ExecutionException e) {
                why = w.link().device().id() + ": " + e.getCause().getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (why == null) {
                continue;
            }
            String sentence = w.what() + " not written (" + why + ")";
            if (battery) {
                batteryFailure = sentence;
            } else {
                limitFailure = sentence;
                limited.remove(w.link()); // a limit it did not take needs no release
            }
        }
        writes.clear();
        if (batteryFailure != null && !writeFailing) {
            // the PCS reverts to 0 kW by itself after revertSeconds without a setpoint
            events.accept(new Event(previousTime, site.id(), Event.Kind.DEVICE, String.format(Locale.ROOT,
                    "%s; the battery reverts to 0 kW within %d s", batteryFailure, revertSeconds),
                    Map.of("state", "write_failed", "reason", batteryFailure, "revert_s",
                            Integer.toString(revertSeconds))));
        }
        if (batteryWritten) {
            writeFailing = batteryFailure != null;
        }
        if (limitFailure != null && !limitFailing) {
            events.accept(new Event(previousTime, site.id(), Event.Kind.DEVICE, String.format(Locale.ROOT,
                    "%s; export may exceed the %.0f kW limit", limitFailure, guard.exportLimitKw()),
                    Map.of("state", "limit_failed", "reason", limitFailure, "export_limit_kw",
                            Event.kw(guard.exportLimitKw()))));
        }
        if (limitWritten) {
            limitFailing = limitFailure != null;
        }
    }

    @Override
    public Flows flows() {
        return flows;
    }
}
