package org.gridtwin.physics.grid;

import java.time.Month;
import org.gridtwin.model.Tariff;
import org.gridtwin.physics.time.TimeGrid;

/** A tariff laid onto a time grid: the price and the period type in force at the start of every step. */
public final class TariffSeries {
    private final double[] priceYuanPerKwh;
    private final byte[] period;

    private TariffSeries(double[] priceYuanPerKwh, byte[] period) {
        this.priceYuanPerKwh = priceYuanPerKwh;
        this.period = period;
    }

    public static TariffSeries of(Tariff tariff, TimeGrid grid) {
        // minute-of-day lookup per month: 12 × 1440 entries, built once
        byte[][] byMonth = new byte[12][1440];
        for (Tariff.Season season : tariff.seasons()) {
            for (Month m : season.months()) {
                for (Tariff.Period p : season.periods()) {
                    for (int minute = p.fromMinute(); minute < p.toMinute(); minute++) {
                        byMonth[m.getValue() - 1][minute] = (byte) p.type().ordinal();
                    }
                }
            }
        }
        double[] priceByType = new double[Tariff.PeriodType.values().length];
        for (Tariff.PeriodType t : Tariff.PeriodType.values()) {
            priceByType[t.ordinal()] = tariff.prices().getOrDefault(t, Double.NaN);
        }
        int n = grid.steps();
        double[] price = new double[n];
        byte[] period = new byte[n];
        for (int i = 0; i < n; i++) {
            byte type = byMonth[grid.month(i) - 1][grid.minuteOfDay(i)];
            period[i] = type;
            price[i] = priceByType[type];
        }
        return new TariffSeries(price, period);
    }

    public double priceYuanPerKwh(int i) {
        return priceYuanPerKwh[i];
    }

    /** The tariff period of step {@code i}; allocation-free (a hot-loop read of both harnesses). */
    public Tariff.PeriodType period(int i) {
        return PERIODS[period[i]];
    }

    /** {@code values()} copies its array on every call. */
    private static final Tariff.PeriodType[] PERIODS = Tariff.PeriodType.values();

    public double[] prices() {
        return priceYuanPerKwh.clone();
    }
}
