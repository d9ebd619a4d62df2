package org.gridtwin.dispatch.rules;

import org.gridtwin.dispatch.DispatchStrategy;
import org.gridtwin.dispatch.Setpoints;
import org.gridtwin.dispatch.StepState;
import org.gridtwin.model.Tariff.PeriodType;

/**
 * Time-of-use arbitrage: charge in valley periods, discharge to cover the net load in peak and sharp-peak periods,
 * and in flat periods only store surplus, keeping the charge for the next peak. Never discharges into the grid.
 *
 * <p>In a valley it buys from the grid only the room its own surplus will not fill before the next peak, and buys
 * it as late in the valley as it can: it remembers yesterday's renewable surplus and tariff periods by minute; the
 * room left after the surplus expected between now and yesterday's next peak (× charge efficiency) is bought only
 * once the rest of the valley at rated charge power would no longer suffice for it. A site with a midday valley and
 * a PV surplus in it (Zhejiang 11:00–13:00, Qinghai's daytime valley) thus leaves room for its PV instead of
 * charging from the grid and curtailing an hour later, and what it does buy is bought when the day's sun is known.
 * Before the first whole day, and on sites without surplus, it charges at full power in every valley.
 */
public final class TouArbitrage implements DispatchStrategy {
    public static final String NAME = "tou-arbitrage";
    private final MinuteProfiles surplusKw = new MinuteProfiles(2);
    private final MinuteProfiles periods = new MinuteProfiles(2);
    /** Yesterday's surplus energy from each minute to the first peak minute after it (kWh); NaN: no day yet. */
    private final double[] surplusBeforePeakKwh = new double[MinuteProfiles.MINUTES];
    /** Yesterday's valley minutes left from each minute to the end of its valley (0 outside a valley). */
    private final int[] valleyMinutesLeft = new int[MinuteProfiles.MINUTES];

    public TouArbitrage() {
        java.util.Arrays.fill(surplusBeforePeakKwh, Double.NaN);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void decide(StepState s, Setpoints out) {
        if (!s.hasBattery()) {
            return; // nothing to ask of a battery the site does not have (the setpoint stays 0 kW)
        }
        double net = s.netLoadKw();
        periods.record(s, s.period().ordinal());
        if (surplusKw.record(s, Math.max(0, -net))) {
            expectSurplus();
        }
        switch (s.period()) {
            case VALLEY, DEEP_VALLEY -> {
                if (mustBuyNow(s)) {
                    out.chargeAtMaximum();
                } else {
                    out.batteryKw(Math.min(0, net)); // the surplus to come, or later valley hours, fill the rest
                }
            }
            case PEAK, SHARP_PEAK -> out.batteryKw(net);
            default -> out.batteryKw(Math.min(0, net));
        }
    }

    /**
     * Whether this valley step must charge from the grid: the room the expected surplus leaves is more than the
     * valley's remaining steps after this one can still buy at rated power.
     */
    private boolean mustBuyNow(StepState s) {
        int minute = s.minuteOfDay();
        double expected = surplusBeforePeakKwh[minute];
        if (Double.isNaN(expected)) {
            return true; // nothing remembered yet
        }
        double roomKwh = (s.socMaxFraction() - s.socFraction()) * s.batteryEnergyKwh();
        double toBuyKwh = roomKwh - expected * s.chargeEfficiency();
        double stepMinutes = s.stepHours() * 60;
        double laterHours = Math.max(0, valleyMinutesLeft[minute] - stepMinutes) / 60;
        return toBuyKwh > laterHours * s.chargeRatedKw() * s.chargeEfficiency();
    }

    /**
     * From yesterday's minutes: the surplus energy between each minute and the next peak minute (or midnight), and
     * the valley minutes left from each minute.
     */
    private void expectSurplus() {
        double[] surplus = surplusKw.day(1);
        double[] period = periods.day(1);
        double ahead = 0;
        int valleyLeft = 0;
        for (int m = MinuteProfiles.MINUTES - 1; m >= 0; m--) {
            boolean peak = period[m] == PeriodType.PEAK.ordinal() || period[m] == PeriodType.SHARP_PEAK.ordinal();
            boolean valley = period[m] == PeriodType.VALLEY.ordinal() || period[m] == PeriodType.DEEP_VALLEY.ordinal();
            if (peak) {
                ahead = 0;
            } else if (!Double.isNaN(surplus[m])) {
                ahead += surplus[m] / 60;
            }
            valleyLeft = valley ? valleyLeft + 1 : 0;
            surplusBeforePeakKwh[m] = ahead;
            valleyMinutesLeft[m] = valleyLeft;
        }
    }
}
