package org.gridtwin.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short step notation used on the command line and in scenarios: {@code 1m}, {@code 15m}, {@code 1h}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|sec|m|min|h|hr)");

    private Durations() {
    }

    /** The duration, or {@code null} when the text is not a duration. Also accepts ISO-8601 ({@code PT15M}). */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s", "sec" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Formats a step the way users write it: {@code 1h}, {@code 15m}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
