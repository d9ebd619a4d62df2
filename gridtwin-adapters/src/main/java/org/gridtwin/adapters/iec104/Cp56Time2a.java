package org.gridtwin.adapters.iec104;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The seven-octet time tag of IEC 60870-5-4 (6.8, CP56Time2a): milliseconds of the minute (2 octets, low first),
 * minutes (6 bits, bit 7 = invalid), hours (5 bits, bit 7 = summer time), day of month (5 bits) with day of week
 * (3 bits, 1 = Monday), month (4 bits), year of the century (7 bits). The time is written in the zone the link
 * agrees on (UTC by default here; Chinese stations often use UTC+8, so the zone is a setting).
 */
public final class Cp56Time2a {
    private Cp56Time2a() {
    }

    public static byte[] encode(Instant t, ZoneId zone) {
        LocalDateTime l = LocalDateTime.ofInstant(t, zone);
        int ms = l.getSecond() * 1000 + l.getNano() / 1_000_000;
        return new byte[] {(byte) ms, (byte) (ms >> 8), (byte) l.getMinute(), (byte) l.getHour(),
            (byte) (l.getDayOfMonth() | l.getDayOfWeek().getValue() << 5), (byte) l.getMonthValue(),
            (byte) (l.getYear() % 100)};
    }

    /** The instant of a time tag (years 2000–2099); the invalid bit is the caller's to read ({@link #invalid}). */
    public static Instant decode(byte[] b, int at, ZoneId zone) {
        int ms = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        int minute = b[at + 2] & 0x3F;
        int hour = b[at + 3] & 0x1F;
        int day = b[at + 4] & 0x1F;
        int month = b[at + 5] & 0x0F;
        int year = 2000 + (b[at + 6] & 0x7F);
        return LocalDateTime.of(year, month, day, hour, minute, ms / 1000, (ms % 1000) * 1_000_000).atZone(zone)
                .toInstant();
    }

    public static boolean invalid(byte[] b, int at) {
        return (b[at + 2] & 0x80) != 0;
    }
}
