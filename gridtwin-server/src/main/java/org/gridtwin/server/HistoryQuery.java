package org.gridtwin.server;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.Site;
import org.gridtwin.store.Bucket;
import org.gridtwin.store.Resolution;
import org.gridtwin.store.Sample;
import org.gridtwin.store.TelemetryStore;

/**
 * {@code GET /api/sites/{id}/history}: parses and bounds the query, then reads rollups or raw samples. Answers are
 * kept as JSON bytes until the next store write (at most a second): a wall of dashboards asking for the same week
 * costs one query a second instead of one each, and the answer is exactly what the store would give.
 */
final class HistoryQuery {
    /** Answers kept: the recent distinct queries of a few dashboards. */
    static final int CACHED = 256;
    /** Most points one response carries; a wider range needs a coarser resolution. */
    static final int MAX_POINTS = 20_000;
    /** Daily history is summed from quarter hours: ten years is 350,000 of them. */
    static final int MAX_DAYS = 3_660;

    private final TelemetryStore store;
    private final Scenario scenario;
    private final LongSupplier version;
    private record Cached(long version, byte[] json) {
    }
    private final Map<String, Cached> cache = new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED;
        }
    };

    /** @param version changes whenever the store's data may have changed (the recorder's write count) */
    HistoryQuery(TelemetryStore store, Scenario scenario, LongSupplier version) {
        this.store = store;
        this.scenario = scenario;
        this.version = version;
    }

    /** The answer as JSON, from the cache while no write happened since it was computed. */
    byte[] json(Site site, String resolutionParam, String fromParam, String toParam, Instant now) {
        if ("raw".equalsIgnoreCase(resolutionParam)) {
            // raw samples also go with the retention, not only with writes: never cached
            return Snapshot.JSON.writeValueAsBytes(run(site, resolutionParam, fromParam, toParam, now));
        }
        // a query without to (or from) depends on now, which is part of its key
        String key = site.id() + '|' + resolutionParam + '|' + fromParam + '|' + (toParam == null ? "now=" + now
                : toParam);
        long v = version.getAsLong();
        synchronized (cache) {
            Cached c = cache.get(key);
            if (c != null && c.version() == v) {
                return c.json();
            }
        }
        byte[] json = Snapshot.JSON.writeValueAsBytes(run(site, resolutionParam, fromParam, toParam, now));
        synchronized (cache) {
            cache.put(key, new Cached(v, json));
        }
        return json;
    }

    Map<String, Object> run(Site site, String resolutionParam, String fromParam, String toParam, Instant now) {
        String res = resolutionParam == null ? "hour" : resolutionParam.toLowerCase(Locale.ROOT);
        Resolution resolution = switch (res) {
            case "raw" -> null;
            case "minute", "1m" -> Resolution.MINUTE;
            case "quarter_hour", "15m" -> Resolution.QUARTER_HOUR;
            case "hour", "1h" -> Resolution.HOUR;
            case "day", "1d" -> Resolution.DAY;
            default -> throw ApiProblem.badRequest("resolution = " + resolutionParam
                    + " is not one of raw, minute, quarter_hour, hour, day");
        };
        Instant to = toParam == null ? now : time(toParam, "to", site);
        Duration defaultSpan = resolution == null ? Duration.ofHours(1) : switch (resolution) {
            case MINUTE -> Duration.ofHours(6);
            case QUARTER_HOUR -> Duration.ofDays(2);
            case HOUR -> Duration.ofDays(7);
            case DAY -> Duration.ofDays(92);
        };
        Instant from = fromParam == null ? to.minus(defaultSpan) : time(fromParam, "from", site);
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("from = " + from + " must be before to = " + to);
        }
        long seconds = Duration.between(from, to).getSeconds();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site", site.id());
        out.put("resolution", resolution == null ? "raw" : resolution.name().toLowerCase(Locale.ROOT));
        out.put("from", from.toString());
        out.put("to", to.toString());
        List<Map<String, Object>> points = new ArrayList<>();
        if (resolution == null) {
            // the control cycle is at least a second, so this bounds the samples a raw range can hold
            if (seconds > MAX_POINTS) {
                throw tooMany(seconds + " s of raw samples");
            }
            for (Sample s : store.samples(site.id(), from, to)) {
                points.add(raw(s));
            }
        } else if (resolution == Resolution.DAY) {
            if (seconds / 86_400 > MAX_DAYS) {
                throw ApiProblem.badRequest("the range holds " + seconds / 86_400 + " days; daily history covers at "
                        + "most " + MAX_DAYS + " days at once: narrow the range");
            }
            for (Bucket b : localDays(site, from, to)) {
                points.add(bucket(b));
            }
        } else {
            if (seconds / resolution.seconds() > MAX_POINTS) {
                throw tooMany(seconds / resolution.seconds() + " " + res + " buckets");
            }
            for (Bucket b : store.history(site.id(), resolution, from, to)) {
                points.add(bucket(b));
            }
        }
        out.put("points", points);
        return out;
    }

    /**
     * Days as the site lives them: from site-local midnight to midnight (23 or 25 hours across a DST change), summed
     * from the quarter-hour rollups, which every real UTC offset divides (the store's own day rollup is UTC).
     */
    private List<Bucket> localDays(Site site, Instant from, Instant to) {
        java.time.ZoneId zone = site.timeZone();
        List<Bucket> days = new ArrayList<>();
        Bucket day = null;
        LocalDate date = null;
        for (Bucket q : store.history(site.id(), Resolution.QUARTER_HOUR, from, to)) {
            LocalDate d = q.start().atZone(zone).toLocalDate();
            if (day != null && d.equals(date)) {
                day = new Bucket(day.siteId(), Resolution.DAY, day.start(), day.samples() + q.samples(),
                        day.seconds() + q.seconds(), day.windKwh() + q.windKwh(), day.pvKwh() + q.pvKwh(),
                        day.loadKwh() + q.loadKwh(), day.importKwh() + q.importKwh(), day.exportKwh() + q.exportKwh(),
                        day.chargeKwh() + q.chargeKwh(), day.dischargeKwh() + q.dischargeKwh(),
                        day.unmetKwh() + q.unmetKwh(), q.lastSocFraction());
            } else {
                if (day != null) {
                    days.add(day);
                }
                date = d;
                day = new Bucket(q.siteId(), Resolution.DAY, d.atStartOfDay(zone).toInstant(), q.samples(),
                        q.seconds(), q.windKwh(), q.pvKwh(), q.loadKwh(), q.importKwh(), q.exportKwh(), q.chargeKwh(),
                        q.dischargeKwh(), q.unmetKwh(), q.lastSocFraction());
            }
        }
        if (day != null) {
            days.add(day);
        }
        return days;
    }

    private static ApiProblem tooMany(String what) {
        return ApiProblem.badRequest("the range holds up to " + what + "; at most " + MAX_POINTS
                + " points are returned at once: narrow the range or choose a coarser resolution");
    }

    /** An ISO instant ({@code 2026-11-29T08:00:00Z}) or a date (the site's local midnight). */
    private static Instant time(String text, String name, Site site) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(site.timeZone()).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest(name + " = " + text
                    + " is neither an ISO instant like 2026-11-29T08:00:00Z nor a date like 2026-11-29");
        }
    }

    static int intParam(String text, String name, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw ApiProblem.badRequest(name + " = " + text + " must be a whole number from " + min + " to " + max);
    }

    private static Map<String, Object> raw(Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", s.time().toString());
        m.put("seconds", s.seconds());
        m.put("wind_kw", s.windKw());
        m.put("pv_kw", s.pvKw());
        m.put("load_kw", s.loadKw());
        m.put("battery_kw", s.batteryKw());
        m.put("grid_kw", s.gridKw());
        m.put("unmet_kw", s.unmetKw());
        m.put("soc_fraction", s.socFraction());
        return m;
    }

    private static Map<String, Object> bucket(Bucket b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", b.start().toString());
        m.put("samples", b.samples());
        m.put("seconds", b.seconds());
        m.put("wind_kwh", b.windKwh());
        m.put("pv_kwh", b.pvKwh());
        m.put("load_kwh", b.loadKwh());
        m.put("import_kwh", b.importKwh());
        m.put("export_kwh", b.exportKwh());
        m.put("charge_kwh", b.chargeKwh());
        m.put("discharge_kwh", b.dischargeKwh());
        m.put("unmet_kwh", b.unmetKwh());
        m.put("soc_fraction", b.lastSocFraction());
        return m;
    }
}
