package org.gridtwin.sim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A reusable byte buffer for writing large ASCII tables fast: numbers and times are formatted into it without
 * objects per value (a year at one-minute steps is 13 million numbers; {@code Double.toString} and
 * {@code Instant.toString} alone took longer than the simulation).
 */
final class AsciiLine {
    private final byte[] buf = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int len;
    private final TimeFormat utc = new TimeFormat(ZoneOffset.UTC, true);
    private final TimeFormat local;

    /** @param localZone the zone of the local-time column */
    AsciiLine(ZoneId localZone) {
        this.local = new TimeFormat(localZone, false);
    }

    AsciiLine ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
        return this;
    }

    AsciiLine put(byte b) {
        buf[len++] = b;
        return this;
    }

    /** A whole number. */
    AsciiLine number(long v) {
        if (v < 0) {
            put((byte) '-');
            v = -v;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        while (n > 0) {
            put(digits[--n]);
        }
        return this;
    }

    /**
     * A value rounded to nine decimals, trailing zeros dropped ({@code 0}, {@code 12.5}, {@code -0.000000001}):
     * 1 µW for powers in kW, far below anything the balance or a reader cares about. Values beyond ±9·10⁹ (never a
     * plausible kW) fall back to {@code Double.toString}.
     */
    AsciiLine decimal(double v) {
        if (!(Math.abs(v) < 9e9)) {
            return ascii(Double.toString(v));
        }
        long scaled = Math.round(v * 1e9);
        if (scaled == 0) {
            return put((byte) '0');
        }
        if (scaled < 0) {
            put((byte) '-');
            scaled = -scaled;
        }
        number(scaled / 1_000_000_000L);
        long frac = scaled % 1_000_000_000L;
        if (frac != 0) {
            put((byte) '.');
            int width = 9;
            while (frac % 10 == 0) {
                frac /= 10;
                width--;
            }
            for (int d = width - 1; d >= 0; d--) {
                buf[len + d] = (byte) ('0' + frac % 10);
                frac /= 10;
            }
            len += width;
        }
        return this;
    }

    /** {@code 2024-01-01T00:00:00Z}. */
    AsciiLine utc(long epochSecond) {
        utc.write(this, epochSecond);
        return this;
    }

    /** {@code 2024-01-01T08:00+08:00} in the local zone. */
    AsciiLine local(long epochSecond) {
        local.write(this, epochSecond);
        return this;
    }

    /** Writes the buffer out when more than {@code reserve} bytes might not fit. */
    void flushIfFull(OutputStream out, int reserve) throws IOException {
        if (len > buf.length - reserve) {
            flush(out);
        }
    }

    void flush(OutputStream out) throws IOException {
        out.write(buf, 0, len);
        len = 0;
    }

    /** Formats instants of one zone, recomputing the date text once a local day and the offset once a transition. */
    private static final class TimeFormat {
        private final ZoneRules rules;
        private final boolean utc;
        private long validUntil = Long.MIN_VALUE;
        private long validFrom = Long.MAX_VALUE;
        private int offsetSeconds;
        private String offsetText;
        private long day = Long.MIN_VALUE;
        private String dateText;

        TimeFormat(ZoneId zone, boolean utc) {
            this.rules = zone.getRules();
            this.utc = utc;
        }

        void write(AsciiLine line, long epochSecond) {
            if (epochSecond < validFrom || epochSecond >= validUntil) {
                java.time.Instant at = java.time.Instant.ofEpochSecond(epochSecond);
                ZoneOffset offset = rules.getOffset(at);
                offsetSeconds = offset.getTotalSeconds();
                offsetText = offset.getId().equals("Z") ? "+00:00" : offset.getId();
                ZoneOffsetTransition next = rules.nextTransition(at);
                ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
                validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
                validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            }
            long localSecond = epochSecond + offsetSeconds;
            long d = Math.floorDiv(localSecond, 86_400);
            if (d != day) {
                day = d;
                dateText = LocalDate.ofEpochDay(d) + "T";
            }
            int s = (int) Math.floorMod(localSecond, 86_400);
            line.ascii(dateText);
            two(line, s / 3600);
            line.put((byte) ':');
            two(line, s / 60 % 60);
            if (utc) {
                line.put((byte) ':');
                two(line, s % 60);
                line.put((byte) 'Z');
            } else {
                line.ascii(offsetText);
            }
        }

        private static void two(AsciiLine line, int v) {
            line.put((byte) ('0' + v / 10)).put((byte) ('0' + v % 10));
        }
    }
}
