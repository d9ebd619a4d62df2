package org.gridtwin.ems;

import java.time.Instant;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.Site;
import org.gridtwin.physics.bus.SiteBus;
import org.gridtwin.physics.faults.FaultSchedule;
import org.gridtwin.physics.grid.TariffSeries;
import org.gridtwin.physics.time.TimeGrid;

/**
 * Twin devices of one site: renewables, loads and tariff from the site's precomputed series (its weather, physics
 * and load models, exactly as the simulation builds them), and the bus and battery from the same {@link SiteBus}
 * the engine settles its steps on. So a live run over a period reproduces the simulation of that period.
 *
 * <p>A cycle uses the values of the series step containing its start; cycles shorter than the step see the same
 * values several times, the battery moving by the cycle's length each time.
 */
public final class TwinSite implements SiteDevices {
    private final TimeGrid grid;
    private final double[] windKw;
    private final double[] pvKw;
    private final double[] loadKw;
    private final TariffSeries tariff;
    private final double[] emissionTPerMwh;
    private final double[] criticalKw;
    private final double[] priorityKw;
    private final boolean[] gridUp;
    private final boolean[] batteryUp;
    private final SiteBus bus;
    private int step = -1;
    private double hours;
    /** Measurement faults per quantity ({@link FaultSchedule#measurement}), null where a quantity has none. */
    private final byte[][] faultCodes = new byte[FaultEvents.Quantity.values().length][];
    /** Per quantity: the last value the controller received, when, and the value a stuck sensor repeats. */
    private final double[] lastGood = new double[FaultEvents.Quantity.values().length];
    private final long[] lastGoodEpochSecond = new long[FaultEvents.Quantity.values().length];
    private final double[] stuckAt = new double[FaultEvents.Quantity.values().length];
    private final boolean[] wasStuck = new boolean[FaultEvents.Quantity.values().length];
    private double lastGoodMaxChargeKw = Double.NaN;
    private double lastGoodMaxDischargeKw = Double.NaN;
    /** A drill: the grid taken away by an administrator whatever the schedule says. */
    private volatile boolean drillOutage;

    /**
     * @param grid   the period the series cover
     * @param windKw available wind power per step (the loader's series, e.g. {@code SiteInputs.windKw()})
     * @param pvKw   available PV power per step
     * @param loadKw load per step
     * @param tariff the site's tariff on the same grid
     */
    public TwinSite(Site site, TimeGrid grid, double[] windKw, double[] pvKw, double[] loadKw, TariffSeries tariff) {
        this(site, grid, windKw, pvKw, loadKw, tariff, new double[grid.steps()]);
    }

    /** As above, with the grid emission factor per step (t/MWh) for the CO2 counters. */
    public TwinSite(Site site, TimeGrid grid, double[] windKw, double[] pvKw, double[] loadKw, TariffSeries tariff,
            double[] emissionTPerMwh) {
        this(site, grid, windKw, pvKw, loadKw, loadKw, new double[grid.steps()], FaultSchedule.none(grid.steps()),
                tariff, emissionTPerMwh);
    }

    /**
     * The full twin: as above, with the demand's critical and priority tiers (the rest sheddable) and the faults
     * (grid and battery availability per step) the simulation of the same period sees.
     */
    public TwinSite(Site site, TimeGrid grid, double[] windKw, double[] pvKw, double[] loadKw, double[] criticalKw,
            double[] priorityKw, FaultSchedule faults, TariffSeries tariff, double[] emissionTPerMwh) {
        if (criticalKw.length != grid.steps() || priorityKw.length != grid.steps()
                || faults.gridUp().length != grid.steps()) {
            throw new IllegalArgumentException("tiers or faults of another length than the grid's " + grid.steps()
                    + " steps");
        }
        this.criticalKw = criticalKw;
        this.priorityKw = priorityKw;
        this.gridUp = faults.gridUp();
        this.batteryUp = faults.batteryUp();
        faults.measurement().forEach((q, codes) -> faultCodes[q.ordinal()] = codes);
        java.util.Arrays.fill(lastGood, Double.NaN);
        java.util.Arrays.fill(lastGoodEpochSecond, Long.MIN_VALUE);
        if (emissionTPerMwh.length != grid.steps()) {
            throw new IllegalArgumentException(emissionTPerMwh.length + " emission factors for a grid of "
                    + grid.steps() + " steps");
        }
        this.emissionTPerMwh = emissionTPerMwh;
        if (windKw.length != grid.steps() || pvKw.length != grid.steps() || loadKw.length != grid.steps()) {
            throw new IllegalArgumentException("series of " + windKw.length + "/" + pvKw.length + "/"
                    + loadKw.length + " values for a grid of " + grid.steps() + " steps");
        }
        this.grid = grid;
        this.windKw = windKw;
        this.pvKw = pvKw;
        this.loadKw = loadKw;
        this.tariff = tariff;
        this.bus = new SiteBus(site.battery(), site.grid(), site.resilience().island());
    }

    @Override
    public void read(Instant now, double cycleHours, Measurements into) {
        long offset = now.getEpochSecond() - grid.start().getEpochSecond();
        if (offset < 0 || offset >= (long) grid.steps() * grid.stepSeconds()) {
            throw new IllegalArgumentException(now + " is outside the twin's period " + grid.start() + " .. "
                    + grid.end());
        }
        step = (int) (offset / grid.stepSeconds());
        hours = cycleHours;
        bus.grid(gridUp[step] && !drillOutage);
        bus.batteryAvailable(batteryUp[step]);
        bus.begin(cycleHours);
        into.gridAvailable = bus.gridUp();
        into.measuredEpochSecond = now.getEpochSecond();
        into.minuteOfDay = grid.minuteOfDay(step);
        into.dayOfWeek = grid.dayOfWeek(step);
        into.month = grid.month(step);
        into.windAvailableKw = windKw[step];
        into.pvAvailableKw = pvKw[step];
        into.loadKw = loadKw[step];
        into.socFraction = bus.soc();
        into.maxChargeKw = bus.maxChargeKw();
        into.maxDischargeKw = bus.maxDischargeKw();
        into.importPriceYuanPerKwh = tariff.priceYuanPerKwh(step);
        into.period = tariff.period(step);
        into.emissionTPerMwh = emissionTPerMwh[step];
        into.incomplete = false;
        into.windAvailableKw = faulted(FaultEvents.Quantity.WIND_KW, into.windAvailableKw, now, into);
        into.pvAvailableKw = faulted(FaultEvents.Quantity.PV_KW, into.pvAvailableKw, now, into);
        into.loadKw = faulted(FaultEvents.Quantity.LOAD_KW, into.loadKw, now, into);
        double soc = into.socFraction;
        into.socFraction = faulted(FaultEvents.Quantity.SOC_FRACTION, soc, now, into);
        byte[] socCodes = faultCodes[FaultEvents.Quantity.SOC_FRACTION.ordinal()];
        if (socCodes != null && socCodes[step] == FaultSchedule.LOST) {
            // a battery out of reach reports nothing new: its feasible powers are as old as its SoC
            into.maxChargeKw = lastGoodMaxChargeKw;
            into.maxDischargeKw = lastGoodMaxDischargeKw;
        } else {
            lastGoodMaxChargeKw = into.maxChargeKw;
            lastGoodMaxDischargeKw = into.maxDischargeKw;
        }
    }

    /**
     * What the controller receives for quantity {@code q} this cycle: the true value; or, with the reading lost,
     * the last good one, the measurements dated by it (the safety layer's stale limit then acts); or, with the
     * sensor stuck, the value it had when it stuck, on time.
     */
    private double faulted(FaultEvents.Quantity q, double value, Instant now, Measurements into) {
        int k = q.ordinal();
        byte code = faultCodes[k] == null ? FaultSchedule.MEASURED : faultCodes[k][step];
        if (code == FaultSchedule.LOST) {
            wasStuck[k] = false;
            if (lastGoodEpochSecond[k] == Long.MIN_VALUE) {
                into.incomplete = true; // never heard from: nothing to act on
                return Double.NaN;
            }
            into.measuredEpochSecond = Math.min(into.measuredEpochSecond, lastGoodEpochSecond[k]);
            return lastGood[k];
        }
        if (code == FaultSchedule.STUCK) {
            if (!wasStuck[k]) {
                stuckAt[k] = Double.isNaN(lastGood[k]) ? value : lastGood[k];
                wasStuck[k] = true;
            }
            return stuckAt[k];
        }
        wasStuck[k] = false;
        lastGood[k] = value;
        lastGoodEpochSecond[k] = now.getEpochSecond();
        return value;
    }

    @Override
    public void write(org.gridtwin.dispatch.Setpoints applied) {
        if (step < 0) {
            throw new IllegalStateException("write before read");
        }
        bus.limitRenewables(applied.windLimitKw(), applied.pvLimitKw());
        bus.tiers(criticalKw[step], priorityKw[step]);
        bus.settle(windKw[step], pvKw[step], loadKw[step], applied.batteryKw(), hours);
    }

    @Override
    public Flows flows() {
        return new Flows(bus.windKw(), bus.pvKw(), bus.loadKw(), bus.batteryKw(), bus.gridKw(), bus.unmetKw(),
                bus.curtailedKw(), bus.soc());
    }

    @Override
    public IslandStatus island() {
        return new IslandStatus(bus.state(), bus.shedLevel(), bus.unmetCriticalKw(), bus.unmetPriorityKw(),
                bus.unmetSheddableKw(), bus.transitions());
    }

    /** A twin can lose its grid on an administrator's word, to drill islanding; it returns on the next word. */
    @Override
    public boolean simulateGridOutage(boolean down) {
        drillOutage = down;
        return true;
    }

    /** Continues the island state of the window before this one (see {@link SiteBus#continueIslandFrom}). */
    public void continueIslandFrom(TwinSite previous) {
        bus.continueIslandFrom(previous.bus);
    }

    /** Puts the twin battery at a state of charge (clamped to its window), e.g. the one stored before a restart. */
    public void restoreSoc(double fraction) {
        bus.restoreSoc(fraction);
    }

    /** The twin battery's state of charge now, 0..1. */
    public double soc() {
        return bus.soc();
    }

    /** The twin's period, for clocks that replay it. */
    public TimeGrid grid() {
        return grid;
    }
}
