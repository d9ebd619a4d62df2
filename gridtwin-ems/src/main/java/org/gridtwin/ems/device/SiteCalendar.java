package org.gridtwin.ems.device;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.gridtwin.model.Site;
import org.gridtwin.model.Tariff;
import org.gridtwin.physics.grid.TariffSeries;
import org.gridtwin.physics.grid.EmissionSeries;
import org.gridtwin.physics.time.TimeGrid;

/**
 * What a site's clock says at an instant, for sites whose devices report power but no tariff: the local calendar
 * fields, the import price and period, and the grid emission factor, from the same {@link TariffSeries} and factor
 * series the simulation uses, one local day at a time at minute resolution.
 */
public final class SiteCalendar {
    private final Site site;
    private TimeGrid day;
    private TariffSeries tariff;
    private double[] factor;
    private int step;

    public SiteCalendar(Site site) {
        this.site = site;
    }

    /** Moves to {@code now}; the getters then answer for the minute containing it. */
    public void at(Instant now) {
        if (day == null || now.isBefore(day.start()) || !now.isBefore(day.end())) {
            LocalDate d = now.atZone(site.timeZone()).toLocalDate();
            day = TimeGrid.ofDates(d, d.plusDays(1), Duration.ofMinutes(1), site.timeZone());
            tariff = TariffSeries.of(site.grid().tariff(), day);
            factor = EmissionSeries.of(site.grid().emissionFactor(), day);
        }
        step = (int) ((now.getEpochSecond() - day.start().getEpochSecond()) / day.stepSeconds());
    }

    public int minuteOfDay() {
        return day.minuteOfDay(step);
    }

    public int dayOfWeek() {
        return day.dayOfWeek(step);
    }

    public int month() {
        return day.month(step);
    }

    public double priceYuanPerKwh() {
        return tariff.priceYuanPerKwh(step);
    }

    public Tariff.PeriodType period() {
        return tariff.period(step);
    }

    public double emissionTPerMwh() {
        return factor[step];
    }
}
