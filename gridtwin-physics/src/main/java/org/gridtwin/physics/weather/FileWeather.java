package org.gridtwin.physics.weather;

import java.time.LocalDate;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.physics.solar.Irradiance;
import org.gridtwin.physics.solar.SunSeries;
import org.gridtwin.physics.time.TimeGrid;

/**
 * A typical-year weather file laid onto a simulation grid, every year of the grid reusing the file's year.
 *
 * <ul>
 * <li>Irradiance values are means over their record. Steps longer than a record take the mean of the records
 * they cover. Steps shorter than a record share the record's energy in proportion to clear-sky irradiance
 * (Haurwitz) at each step, so a record holding sunrise puts its light after sunrise and the record's energy is
 * kept exactly; DNI and DHI are scaled with GHI.</li>
 * <li>Temperature, wind and pressure are instantaneous values at the end of their record: each step takes the
 * value at its midpoint, linear between record ends (the year wraps around).</li>
 * </ul>
 * Times are matched in the file's standard time (its fixed UTC offset), so a site in another zone, or with
 * daylight saving, still reads the right record. A file whose stamps are off can be corrected with the
 * scenario's {@code time_shift_minutes}.
 */
public final class FileWeather {
    private FileWeather() {
    }

    public static WeatherSeries onto(WeatherFile file, TimeGrid grid, SunSeries gridSun) {
        WeatherFile.Columns c = file.columns();
        int n = grid.steps();
        int records = c.size();
        double interval = file.intervalMinutes();
        double stepMinutes = grid.stepSeconds() / 60.0;
        double[] fileMinute = new double[n];
        for (int i = 0; i < n; i++) {
            fileMinute[i] = minuteOfTypicalYear(grid.epochSecond(i) + file.utcOffsetSeconds()
                    - file.timeShiftMinutes() * 60L);
        }
        double[] ghi = c.ghiWm2();
        double[] dni = c.dniWm2();
        double[] dhi = c.dhiWm2();
        double[] outGhi = new double[n];
        double[] outDni = dni == null ? null : new double[n];
        double[] outDhi = dhi == null ? null : new double[n];
        if (stepMinutes >= interval) {
            int per = (int) Math.round(stepMinutes / interval);
            for (int i = 0; i < n; i++) {
                int first = (int) Math.floor(fileMinute[i] / interval);
                outGhi[i] = mean(ghi, first, per, records);
                if (dni != null) {
                    outDni[i] = mean(dni, first, per, records);
                    outDhi[i] = mean(dhi, first, per, records);
                }
            }
        } else {
            shapeWithinRecords(ghi, dni, dhi, fileMinute, interval, gridSun, outGhi, outDni, outDhi);
        }
        double[] temp = instantaneous(c.airTemperatureC(), fileMinute, stepMinutes, interval);
        double[] wind = instantaneous(c.windSpeedMs(), fileMinute, stepMinutes, interval);
        double[] pressure = c.pressurePa() == null ? null
                : instantaneous(c.pressurePa(), fileMinute, stepMinutes, interval);
        return new WeatherSeries(outGhi, outDni, outDhi, temp, wind, pressure, file.windReferenceHeightM());
    }

    private static void shapeWithinRecords(double[] ghi, double[] dni, double[] dhi, double[] fileMinute,
            double interval, SunSeries sun, double[] outGhi, double[] outDni, double[] outDhi) {
        int records = ghi.length;
        int n = fileMinute.length;
        double[] clearSum = new double[records];
        int[] count = new int[records];
        int[] record = new int[n];
        for (int i = 0; i < n; i++) {
            record[i] = (int) Math.floor(fileMinute[i] / interval) % records;
            clearSum[record[i]] += Irradiance.clearSkyGhiHaurwitzFromCosWm2(sun.cosZenith(i));
            count[record[i]]++;
        }
        for (int i = 0; i < n; i++) {
            int k = record[i];
            double clearMean = clearSum[k] / count[k];
            double clear = Irradiance.clearSkyGhiHaurwitzFromCosWm2(sun.cosZenith(i));
            // share of the record's energy: by clear sky where the sun is up in the record, else evenly
            double factor = clearMean > 1e-9 ? clear / clearMean : 1;
            outGhi[i] = ghi[k] * factor;
            if (dni != null) {
                outDni[i] = dni[k] * factor;
                outDhi[i] = dhi[k] * factor;
            }
        }
    }

    private static double[] instantaneous(double[] values, double[] fileMinute, double stepMinutes,
            double interval) {
        int records = values.length;
        double[] out = new double[fileMinute.length];
        for (int i = 0; i < out.length; i++) {
            // position in units of records, where value k sits at the end of record k: (k + 1) intervals
            double p = (fileMinute[i] + stepMinutes / 2) / interval - 1;
            int a = (int) Math.floor(p);
            double f = p - a;
            double va = values[Math.floorMod(a, records)];
            double vb = values[Math.floorMod(a + 1, records)];
            out[i] = va + f * (vb - va);
        }
        return out;
    }

    private static double mean(double[] v, int first, int count, int records) {
        double s = 0;
        for (int k = 0; k < count; k++) {
            s += v[Math.floorMod(first + k, records)];
        }
        return s / count;
    }

    /** Minutes since January 1 00:00 of a 365-day year for a file-time epoch second (Feb 29 reuses Feb 28). */
    static double minuteOfTypicalYear(long fileEpochSecond) {
        long day = Math.floorDiv(fileEpochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int doy = date.getDayOfYear() - 1;
        if (date.isLeapYear() && doy >= 59) {
            doy -= 1;
        }
        return doy * 1440.0 + Math.floorMod(fileEpochSecond, 86_400L) / 60.0;
    }
}
