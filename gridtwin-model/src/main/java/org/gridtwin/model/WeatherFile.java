package org.gridtwin.model;

/**
 * A typical weather year read from a file: equally spaced records in the file's standard time (a fixed UTC offset,
 * as weather files are written), the first interval starting on January 1 at 00:00. Irradiance values are means
 * over their interval; temperature, wind and pressure are instantaneous values at the end of the interval (the
 * EPW and TMY3 convention). Missing beam/diffuse or pressure columns are {@code null}. Immutable.
 *
 * @param source               file name, for messages and reports
 * @param format               the file format it was read as
 * @param utcOffsetSeconds     offset of the file's standard time from UTC
 * @param intervalMinutes      record length (60 for hourly files)
 * @param windReferenceHeightM height of the wind speeds, m
 * @param interpolatedRecords  how many records were filled by interpolating short gaps
 * @param timeShiftMinutes     correction for files whose stamps are off: the data are moved this many minutes
 *                             (negative = earlier), e.g. −60 for a file whose irradiance comes an hour late
 */
public record WeatherFile(String source, Format format, int utcOffsetSeconds, int intervalMinutes,
        double windReferenceHeightM, Columns columns, int interpolatedRecords, int timeShiftMinutes)
        implements WeatherSpec {

    /** The same file with its stamps moved by {@code minutes}. */
    public WeatherFile shifted(int minutes) {
        return new WeatherFile(source, format, utcOffsetSeconds, intervalMinutes, windReferenceHeightM, columns,
                interpolatedRecords, minutes);
    }

    /** File formats. */
    public enum Format implements KeyedEnum {
        EPW("epw"), TMY3("tmy3"), CSV("csv");

        private final String key;

        Format(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** The values, one per record; copies go in and out. */
    public static final class Columns {
        private final double[] ghiWm2;
        private final double[] dniWm2;
        private final double[] dhiWm2;
        private final double[] airTemperatureC;
        private final double[] windSpeedMs;
        private final double[] pressurePa;

        public Columns(double[] ghiWm2, double[] dniWm2, double[] dhiWm2, double[] airTemperatureC,
                double[] windSpeedMs, double[] pressurePa) {
            this.ghiWm2 = ghiWm2.clone();
            this.dniWm2 = dniWm2 == null ? null : dniWm2.clone();
            this.dhiWm2 = dhiWm2 == null ? null : dhiWm2.clone();
            this.airTemperatureC = airTemperatureC.clone();
            this.windSpeedMs = windSpeedMs.clone();
            this.pressurePa = pressurePa == null ? null : pressurePa.clone();
        }

        public int size() {
            return ghiWm2.length;
        }

        public double[] ghiWm2() {
            return ghiWm2.clone();
        }

        public double[] dniWm2() {
            return dniWm2 == null ? null : dniWm2.clone();
        }

        public double[] dhiWm2() {
            return dhiWm2 == null ? null : dhiWm2.clone();
        }

        public double[] airTemperatureC() {
            return airTemperatureC.clone();
        }

        public double[] windSpeedMs() {
            return windSpeedMs.clone();
        }

        public double[] pressurePa() {
            return pressurePa == null ? null : pressurePa.clone();
        }

        @Override
        public String toString() {
            return "Columns[" + ghiWm2.length + " records]";
        }
    }
}
