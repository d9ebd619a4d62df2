package org.gridtwin.physics.weather;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.gridtwin.model.SyntheticWeatherSpec;
import org.gridtwin.physics.solar.Irradiance;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A seeded synthetic weather year reproducing monthly statistics.
 *
 * <p>The generator works hourly over whole calendar months (so that monthly totals are exact and do not depend on
 * the simulation step), then maps onto the simulation grid:
 * <ul>
 * <li>irradiance: Haurwitz clear-sky GHI × a daily clear-sky ratio driven by an AR(1) process across days
 * (day-to-day persistence) through a bimodal clear/cloudy distribution, with hourly fluctuation on partly cloudy
 * days; each month is scaled to its GHI total.
 * On a finer grid the hour's ratio multiplies the step's own clear-sky value, so the daily shape stays smooth;</li>
 * <li>wind: an hourly AR(1) Gaussian process (lag-1 correlation 0.9) mapped through the normal CDF to a Weibull
 * distribution, with an afternoon sea-breeze maximum, scaled to each month's mean; linear between hours;</li>
 * <li>temperature: a seasonal cycle through the mid-month means + daily anomaly (AR(1)) + a cosine daily cycle
 * peaking at 15:00, each month shifted to its mean; linear between hours.</li>
 * </ul>
 * Same spec, place, period and seed give the same weather.
 */
public final class SyntheticWeather {
    private static final double DAY_PERSISTENCE = 0.6;
    private static final double CLEAR_LOW = 0.80;
    private static final double CLEAR_HIGH = 0.90;
    private static final double CLEAR_MEAN = (CLEAR_LOW + CLEAR_HIGH) / 2;
    private static final double CLOUDY_LOW = 0.10;
    private static final double CLOUDY_HIGH = 0.70;
    private static final double CLOUDY_MEAN = (CLOUDY_LOW + CLOUDY_HIGH) / 2;
    private static final double HOUR_WIND_CORRELATION = 0.9;
    private static final double SEA_BREEZE_AMPLITUDE = 0.12;
    private static final double TEMP_DAY_PERSISTENCE = 0.7;
    private static final double TEMP_DAY_SIGMA_C = 1.5;

    private SyntheticWeather() {
    }

    /**
     * Weather on {@code grid} for a site.
     *
     * @param gridSun sun positions of {@code grid} (shared with the PV chain)
     */
    public static WeatherSeries generate(SyntheticWeatherSpec spec, double latitudeDeg, double longitudeDeg, TimeGrid grid,
            SunSeries gridSun, long seed) {
        LocalDateTime firstLocal = LocalDateTime.ofInstant(grid.start(), grid.zone());
        LocalDateTime lastLocal = LocalDateTime.ofInstant(grid.end().minusSeconds(1), grid.zone());
        LocalDate from = firstLocal.toLocalDate().withDayOfMonth(1);
        LocalDate to = lastLocal.toLocalDate().withDayOfMonth(1).plusMonths(1);
        TimeGrid hours = TimeGrid.ofDates(from, to, Duration.ofHours(1), grid.zone());
        SunSeries hourSun = SunSeries.compute(hours, latitudeDeg, longitudeDeg);
        SplittableRandom rng = new SplittableRandom(seed);
        Hourly h = new Hourly(hours.steps());
        irradiance(spec, hours, hourSun, rng.split(), h);
        wind(spec, hours, rng.split(), h);
        temperature(spec, hours, rng.split(), h);
        return onto(grid, gridSun, hours, h, spec.windReferenceHeightM());
    }

    private static final class Hourly {
        final double[] clearSky;
        final double[] ghi;
        final double[] wind;
        final double[] temp;

        Hourly(int n) {
            clearSky = new double[n];
            ghi = new double[n];
            wind = new double[n];
            temp = new double[n];
        }
    }

    private static void irradiance(SyntheticWeatherSpec spec, TimeGrid hours, SunSeries sun, SplittableRandom rng,
            Hourly h) {
        int n = hours.steps();
        double x = 0;
        int day = -1;
        double dayRatio = 0;
        double hourNoise = 0;
        double[] monthClear = monthlySums(hours, i -> h.clearSky[i] = Irradiance.clearSkyGhiHaurwitzFromCosWm2(
                sun.cosZenith(i)));
        for (int i = 0; i < n; i++) {
            if (hours.dayIndex(i) != day) {
                day = hours.dayIndex(i);
                x = DAY_PERSISTENCE * x + Math.sqrt(1 - DAY_PERSISTENCE * DAY_PERSISTENCE) * rng.nextGaussian();
                double target = targetRatio(spec, hours.month(i), monthClear[hours.monthIndex(i)]);
                dayRatio = dayRatio(target, Stats.normalCdf(x));
            }
            // partly cloudy days flicker most; clear and overcast days are smooth
            hourNoise = 0.5 * hourNoise + rng.nextGaussian() * 0.15 * 4 * dayRatio * (1 - dayRatio);
            h.ghi[i] = h.clearSky[i] * clamp(dayRatio * (1 + hourNoise), 0.02, 1.05);
        }
        // scale each month to its GHI total; the cap at 1.1 × clear sky can leave a tiny deficit, so repeat
        for (int pass = 0; pass < 4; pass++) {
            double[] sums = monthlySums(hours, i -> h.ghi[i]);
            for (int i = 0; i < n; i++) {
                int m = hours.monthIndex(i);
                double targetWh = spec.ghiKwhPerM2Month().get(hours.month(i) - 1) * 1000;
                double f = sums[m] > 0 ? targetWh / sums[m] : 0;
                h.ghi[i] = Math.min(h.ghi[i] * f, 1.1 * h.clearSky[i]);
            }
        }
    }

    /**
     * A day's clear-sky ratio from a persistent uniform variate: days are either clear (ratio 0.80–0.90) or
     * cloudy (0.10–0.70, uniform), the share of clear days set so the mean meets the month's target. This gives
     * the bimodal daily clearness of real records (Hollands &amp; Huget 1983) instead of a bell around the mean,
     * which would make every day hazy and the beam share too small.
     */
    static double dayRatio(double target, double u) {
        double clearShare = clamp((target - CLOUDY_MEAN) / (CLEAR_MEAN - CLOUDY_MEAN), 0.02, 0.95);
        if (u > 1 - clearShare) {
            return CLEAR_LOW + (CLEAR_HIGH - CLEAR_LOW) * (u - (1 - clearShare)) / clearShare;
        }
        return CLOUDY_LOW + (CLOUDY_HIGH - CLOUDY_LOW) * u / (1 - clearShare);
    }

    private static double targetRatio(SyntheticWeatherSpec spec, int month, double clear) {
        return clear <= 0 ? 0 : clamp(spec.ghiKwhPerM2Month().get(month - 1) * 1000 / clear, 0.05, 1.0);
    }

    private static void wind(SyntheticWeatherSpec spec, TimeGrid hours, SplittableRandom rng, Hourly h) {
        int n = hours.steps();
        double k = spec.weibullK();
        double rho = HOUR_WIND_CORRELATION;
        double z = rng.nextGaussian();
        double unitMeanScale = 1 / Stats.gamma(1 + 1 / k);
        for (int i = 0; i < n; i++) {
            z = rho * z + Math.sqrt(1 - rho * rho) * rng.nextGaussian();
            double u = Math.min(Stats.normalCdf(z), 1 - 1e-12);
            double hourOfDay = hours.minuteOfDay(i) / 60.0 + 0.5;
            double breeze = 1 + SEA_BREEZE_AMPLITUDE * Math.cos(2 * Math.PI * (hourOfDay - 14) / 24);
            h.wind[i] = Stats.weibullQuantile(u, unitMeanScale, k) * breeze;
        }
        double[] sums = monthlySums(hours, i -> h.wind[i]);
        double[] counts = monthlySums(hours, i -> 1);
        for (int i = 0; i < n; i++) {
            int m = hours.monthIndex(i);
            h.wind[i] *= spec.windMeanMPerS().get(hours.month(i) - 1) * counts[m] / sums[m];
        }
    }

    private static void temperature(SyntheticWeatherSpec spec, TimeGrid hours, SplittableRandom rng, Hourly h) {
        int n = hours.steps();
        double anomaly = 0;
        int day = -1;
        double halfRange = spec.temperatureDailyRangeC() / 2;
        for (int i = 0; i < n; i++) {
            if (hours.dayIndex(i) != day) {
                day = hours.dayIndex(i);
                anomaly = TEMP_DAY_PERSISTENCE * anomaly
                        + Math.sqrt(1 - TEMP_DAY_PERSISTENCE * TEMP_DAY_PERSISTENCE) * TEMP_DAY_SIGMA_C
                        * rng.nextGaussian();
            }
            double hourOfDay = hours.minuteOfDay(i) / 60.0 + 0.5;
            h.temp[i] = seasonalC(spec, hours.minuteOfYear(i)) + anomaly
                    + halfRange * Math.cos(2 * Math.PI * (hourOfDay - 15) / 24);
        }
        double[] sums = monthlySums(hours, i -> h.temp[i]);
        double[] counts = monthlySums(hours, i -> 1);
        for (int i = 0; i < n; i++) {
            int m = hours.monthIndex(i);
            h.temp[i] += spec.temperatureMeanC().get(hours.month(i) - 1) - sums[m] / counts[m];
            // the shift keeps the seasonal slope inside each month and makes its mean exact
        }
    }

    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * The seasonal cycle: monthly means placed at mid-month and joined linearly (wrapping December to January), so
     * temperatures rise and fall through a month instead of jumping at its boundaries.
     */
    static double seasonalC(SyntheticWeatherSpec spec, int minuteOfYear) {
        double day = minuteOfYear / 1440.0;
        double[] mid = new double[12];
        double start = 0;
        for (int m = 0; m < 12; m++) {
            mid[m] = start + MONTH_DAYS[m] / 2.0;
            start += MONTH_DAYS[m];
        }
        int next = 0;
        while (next < 12 && mid[next] <= day) {
            next++;
        }
        int prev = Math.floorMod(next - 1, 12);
        int nxt = next % 12;
        double from = mid[prev] > day ? mid[prev] - 365 : mid[prev];
        double to = mid[nxt] <= from ? mid[nxt] + 365 : mid[nxt];
        double f = (day - from) / (to - from);
        List<Double> t = spec.temperatureMeanC();
        return t.get(prev) + f * (t.get(nxt) - t.get(prev));
    }

    private static WeatherSeries onto(TimeGrid grid, SunSeries gridSun, TimeGrid hours, Hourly h, double refHeight) {
        int n = grid.steps();
        double[] ghi = new double[n];
        double[] wind = new double[n];
        double[] temp = new double[n];
        long hourStart = hours.start().getEpochSecond();
        int last = hours.steps() - 1;
        for (int i = 0; i < n; i++) {
            double mid = grid.epochSecond(i) + grid.stepSeconds() / 2.0;
            double pos = (mid - hourStart) / 3600.0;
            int hi = (int) Math.min(last, Math.max(0, Math.floor(pos)));
            double clearStep = Irradiance.clearSkyGhiHaurwitzFromCosWm2(gridSun.cosZenith(i));
            double ratio = h.clearSky[hi] > 1 ? h.ghi[hi] / h.clearSky[hi] : nearestRatio(h, hi);
            ghi[i] = clearStep * ratio;
            // instantaneous quantities: linear between hour midpoints
            double p = pos - 0.5;
            int a = (int) Math.max(0, Math.min(last, Math.floor(p)));
            int b = Math.min(last, a + 1);
            double f = Math.max(0, Math.min(1, p - a));
            wind[i] = h.wind[a] + f * (h.wind[b] - h.wind[a]);
            temp[i] = h.temp[a] + f * (h.temp[b] - h.temp[a]);
        }
        return new WeatherSeries(ghi, temp, wind, refHeight);
    }

    /** Clear-sky ratio of the nearest daylight hour, for sub-hour steps at sunrise or sunset. */
    private static double nearestRatio(Hourly h, int hour) {
        for (int d = 1; d < 3; d++) {
            for (int j : new int[] {hour - d, hour + d}) {
                if (j >= 0 && j < h.clearSky.length && h.clearSky[j] > 1) {
                    return h.ghi[j] / h.clearSky[j];
                }
            }
        }
        return 0;
    }

    private interface StepValue {
        double at(int i);
    }

    private static double[] monthlySums(TimeGrid hours, StepValue value) {
        double[] sums = new double[hours.months()];
        for (int i = 0; i < hours.steps(); i++) {
            sums[hours.monthIndex(i)] += value.at(i);
        }
        return sums;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
