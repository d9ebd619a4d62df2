package org.gridtwin.physics.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The simulation's time axis for one site: {@code steps} equal steps from {@code start} (UTC), with each step's
 * local calendar fields precomputed in the site's time zone so that per-step code never touches {@code java.time}.
 * Values of step {@code i} describe the interval [start + i·step, start + (i+1)·step).
 */
public final class TimeGrid {
    private static final int MINUTES_PER_YEAR = 365 * 1440;
    private final Instant start;
    private final int stepSeconds;
    private final int steps;
    private final ZoneId zone;
    private final short[] minuteOfDay;
    private final byte[] dayOfWeek;
    private final byte[] month;
    private final int[] minuteOfYear;
    private final int[] dayIndex;
    private final int[] monthIndex;
    private final int months;

    public TimeGrid(Instant start, Duration step, int steps, ZoneId zone) {
        if (steps <= 0 || step.isNegative() || step.isZero() || step.toSeconds() > 86_400) {
            throw new IllegalArgumentException("a time grid needs a positive step of at most a day and steps > 0");
        }
        this.start = start;
        this.stepSeconds = (int) step.toSeconds();
        this.steps = steps;
        this.zone = zone;
        this.minuteOfDay = new short[steps];
        this.dayOfWeek = new byte[steps];
        this.month = new byte[steps];
        this.minuteOfYear = new int[steps];
        this.dayIndex = new int[steps];
        this.monthIndex = new int[steps];
        ZoneRules rules = zone.getRules();
        LocalDate firstDay = LocalDateTime.ofInstant(start, zone).toLocalDate();
        long firstEpochDay = firstDay.toEpochDay();
        int firstMonth = firstDay.getYear() * 12 + firstDay.getMonthValue() - 1;
        // local fields by arithmetic; java.time only once per local day and at offset transitions
        long epoch0 = start.getEpochSecond();
        int offset = rules.getOffset(start).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(start);
        long nextChange = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        long cachedDay = Long.MIN_VALUE;
        int dow = 0;
        int monthValue = 0;
        int doy = 0;
        int monthIdx = 0;
        for (int i = 0; i < steps; i++) {
            long epoch = epoch0 + (long) i * stepSeconds;
            if (epoch >= nextChange) {
                Instant at = Instant.ofEpochSecond(epoch);
                offset = rules.getOffset(at).getTotalSeconds();
                next = rules.nextTransition(at);
                nextChange = next == null ? Long.MAX_VALUE : next.toEpochSecond();
            }
            long local = epoch + offset;
            long epochDay = Math.floorDiv(local, 86_400L);
            if (epochDay != cachedDay) {
                cachedDay = epochDay;
                LocalDate date = LocalDate.ofEpochDay(epochDay);
                dow = date.getDayOfWeek().getValue();
                monthValue = date.getMonthValue();
                doy = date.getDayOfYear() - 1;
                // typical-year profiles have 365 days: a leap year's Feb 29 reuses Feb 28, later days shift back
                if (date.isLeapYear() && doy >= 59) {
                    doy -= 1;
                }
                monthIdx = date.getYear() * 12 + monthValue - 1 - firstMonth;
            }
            int mod = (int) (Math.floorMod(local, 86_400L) / 60);
            minuteOfDay[i] = (short) mod;
            dayOfWeek[i] = (byte) dow;
            month[i] = (byte) monthValue;
            minuteOfYear[i] = Math.min(doy * 1440 + mod, MINUTES_PER_YEAR - 1);
            dayIndex[i] = (int) (epochDay - firstEpochDay);
            monthIndex[i] = monthIdx;
        }
        this.months = monthIndex[steps - 1] + 1;
    }

    /** A grid covering local calendar dates [startDate, endDate) of {@code zone}. */
    public static TimeGrid ofDates(LocalDate startDate, LocalDate endDate, Duration step, ZoneId zone) {
        Instant s = startDate.atStartOfDay(zone).toInstant();
        Instant e = endDate.atStartOfDay(zone).toInstant();
        long n = Duration.between(s, e).toSeconds() / step.toSeconds();
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the period " + startDate + " to " + endDate + " has no whole step");
        }
        return new TimeGrid(s, step, (int) n, zone);
    }

    /** The same instants seen from another time zone (sites of one scenario share instants). */
    public TimeGrid inZone(ZoneId other) {
        return other.equals(zone) ? this : new TimeGrid(start, Duration.ofSeconds(stepSeconds), steps, other);
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return start.plusSeconds((long) steps * stepSeconds);
    }

    public int steps() {
        return steps;
    }

    public int stepSeconds() {
        return stepSeconds;
    }

    public double stepHours() {
        return stepSeconds / 3600.0;
    }

    public ZoneId zone() {
        return zone;
    }

    public long epochSecond(int i) {
        return start.getEpochSecond() + (long) i * stepSeconds;
    }

    /** Local minutes after midnight at the start of step i. */
    public int minuteOfDay(int i) {
        return minuteOfDay[i];
    }

    public int localHour(int i) {
        return minuteOfDay[i] / 60;
    }

    /** ISO day of week, 1 = Monday. */
    public int dayOfWeek(int i) {
        return dayOfWeek[i];
    }

    /** Local month, 1 = January. */
    public int month(int i) {
        return month[i];
    }

    /** Minute of a 365-day typical year at the start of step i (leap days fold onto February 28). */
    public int minuteOfYear(int i) {
        return minuteOfYear[i];
    }

    /** Calendar months since the first step's local month (0 for the first month). */
    public int monthIndex(int i) {
        return monthIndex[i];
    }

    /** Number of calendar months the grid touches. */
    public int months() {
        return months;
    }

    /** The local year-month of month index m, as "2024-01". */
    public String monthLabel(int m) {
        java.time.YearMonth first = java.time.YearMonth.from(LocalDateTime.ofInstant(start, zone));
        return first.plusMonths(m).toString();
    }

    /** Local days since the first step's local date. */
    public int dayIndex(int i) {
        return dayIndex[i];
    }
}
