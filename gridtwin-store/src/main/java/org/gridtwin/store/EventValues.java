package org.gridtwin.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event's named values in one text column, as a URL query is written ({@code age_s=42&limit_s=30}, names and
 * values percent-encoded): readable in SQL, and any text survives the round trip.
 */
final class EventValues {
    private EventValues() {
    }

    /** The text of the values, null when there are none; names sorted so equal maps give equal text. */
    static String encode(Map<String, String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The values of a text written by {@link #encode}; empty for null (rows from before values were kept). */
    static Map<String, String> decode(String text) {
        Map<String, String> out = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
