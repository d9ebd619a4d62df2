package org.gridtwin.model.yaml;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridtwin.model.Battery;
import org.gridtwin.model.Durations;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.IslandSettings;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.LoadTier;

/** Reads a site's {@code island:} and {@code events:} blocks and the {@code tier:} of its loads. */
final class ResilienceReader {
    /** Outages longer than a year are a typo (hours written as seconds), not an event. */
    private static final long MAX_EVENT_SECONDS = 366L * 24 * 3600;

    private ResilienceReader() {
    }

    static IslandSettings island(YamlMap m, Battery battery) {
        IslandSettings d = IslandSettings.defaults(battery);
        if (m == null) {
            return d;
        }
        boolean forming = m.flag("grid_forming", d.gridForming());
        if (forming && battery == null) {
            m.get("grid_forming").report("needs a battery: only a battery inverter can form the island here");
        }
        double lo = battery == null ? 0 : battery.socMinFraction();
        double hi = battery == null ? 1 : battery.socMaxFraction();
        NumberRule window = NumberRule.range(lo, hi);
        String windowText = " (the battery's soc_min_fraction .. soc_max_fraction)";
        double min = soc(m, "min_soc_fraction", window, windowText, d.minSocFraction());
        IslandSettings around = IslandSettings.defaults(battery, min);
        double sheddable = soc(m, "shed_sheddable_below_soc", window, windowText, around.shedSheddableBelowSoc());
        double priority = soc(m, "shed_priority_below_soc", window, windowText, around.shedPriorityBelowSoc());
        if (priority < min) {
            m.get("shed_priority_below_soc").report("must be >= min_soc_fraction (" + NumberRule.fmt(min) + ")");
        }
        if (sheddable < priority) {
            m.get("shed_sheddable_below_soc").report("must be >= shed_priority_below_soc ("
                    + NumberRule.fmt(priority) + "): sheddable loads go before priority loads");
        }
        double margin = m.number("restore_margin_fraction", NumberRule.range(0, 0.5), d.restoreMarginFraction());
        long restore = seconds(m, "restore_delay", d.restoreDelaySeconds());
        long resync = seconds(m, "resync_delay", d.resyncDelaySeconds());
        double blackStart = soc(m, "black_start_soc_fraction", window, windowText,
                around.blackStartSocFraction());
        if (blackStart < min) {
            m.get("black_start_soc_fraction").report("must be >= min_soc_fraction (" + NumberRule.fmt(min) + ")");
        }
        double reserve = soc(m, "reserve_soc_fraction", window, windowText, lo);
        if (battery != null && reserve > battery.socInitialFraction()) {
            m.get("reserve_soc_fraction").report("must be <= the battery's soc_initial_fraction ("
                    + NumberRule.fmt(battery.socInitialFraction()) + "): a site that keeps a reserve starts with it");
        }
        m.close();
        return new IslandSettings(forming, min, sheddable, priority, margin, restore, resync, blackStart, reserve);
    }

    private static double soc(YamlMap m, String key, NumberRule window, String why, double dflt) {
        double v = m.number(key, new NumberRule(window.text() + why, window.test()), dflt);
        return Double.isNaN(v) ? dflt : v;
    }

    private static long seconds(YamlMap m, String key, long dflt) {
        if (!m.has(key)) {
            return dflt;
        }
        Long s = duration(m.get(key), 0);
        return s == null ? dflt : s;
    }

    /** A duration such as {@code 4h}, {@code 90m}, {@code PT1H30M}: at least {@code minSeconds}, at most a year. */
    static Long duration(YamlNode n, long minSeconds) {
        String t = n.asText();
        if (t == null) {
            return null;
        }
        Duration d = Durations.parse(t);
        if (d == null || d.toSeconds() < minSeconds || d.toSeconds() > MAX_EVENT_SECONDS) {
            n.report("must be a duration " + (minSeconds > 0 ? "above 0 " : "") + "up to a year, e.g. 30m, 4h, 48h");
            return null;
        }
        return d.toSeconds();
    }

    /**
     * @param assets ids of the site's wind farms and PV arrays (forced outages name one of them or {@code battery})
     * @param hasWind whether the site has wind farms (a comm_loss of a role it lacks is refused); likewise hasPv
     * @param zone   the site's time zone: event times are written in site-local time
     */
    static FaultEvents events(YamlMap m, Set<String> assets, boolean hasBattery, boolean hasWind, boolean hasPv,
            ZoneId zone, long defaultSeed) {
        if (m == null) {
            return FaultEvents.NONE;
        }
        List<FaultEvents.Window> outages = windows(m, "grid_outages", zone);
        FaultEvents.RandomOutages random = null;
        if (m.has("random_grid_outages")) {
            YamlMap r = m.get("random_grid_outages").asMap();
            double saifi = r.number("saifi_per_year", NumberRule.positiveUpTo(1000, "interruptions a year"));
            double saidi = r.number("saidi_hours_per_year", NumberRule.positiveUpTo(8760, "hours a year"));
            r.close();
            if (!Double.isNaN(saifi) && !Double.isNaN(saidi)) {
                random = new FaultEvents.RandomOutages(saifi, saidi);
            }
        }
        List<FaultEvents.ForcedOutage> forced = new ArrayList<>();
        if (m.has("forced_outages")) {
            for (YamlNode item : m.get("forced_outages").asList()) {
                YamlMap f = item.asMap();
                YamlNode assetNode = f.get("asset");
                String asset = assetNode.asText();
                if (asset != null && !assets.contains(asset) && !"battery".equals(asset)) {
                    assetNode.report("is not a wind farm or PV array of this site, nor 'battery' (known: "
                            + String.join(", ", assets) + (hasBattery ? ", battery" : "") + ")");
                } else if ("battery".equals(asset) && !hasBattery) {
                    assetNode.report("names the battery, but the site has none");
                }
                double perYear = f.number("per_year", NumberRule.positiveUpTo(1000, "failures a year per unit"));
                Long mttr = f.has("mean_time_to_repair") ? duration(f.get("mean_time_to_repair"), 1) : null;
                if (!f.has("mean_time_to_repair")) {
                    f.get("mean_time_to_repair").report("is required (a duration, e.g. 72h)");
                }
                f.close();
                if (asset != null && !Double.isNaN(perYear) && mttr != null) {
                    forced.add(new FaultEvents.ForcedOutage(asset, perYear, mttr / 3600.0));
                }
            }
        }
        List<FaultEvents.Window> battery = windows(m, "battery_unavailable", zone);
        if (!battery.isEmpty() && !hasBattery) {
            m.get("battery_unavailable").report("needs a battery; the site has none");
        }
        List<FaultEvents.MeasurementFault> measurement = new ArrayList<>();
        if (m.has("comm_loss")) {
            for (YamlNode item : m.get("comm_loss").asList()) {
                YamlMap c = item.asMap();
                YamlNode dev = c.get("device");
                String d = dev.asText();
                List<FaultEvents.Quantity> qs = switch (d == null ? "" : d) {
                    case "battery" -> List.of(FaultEvents.Quantity.SOC_FRACTION);
                    case "wind" -> List.of(FaultEvents.Quantity.WIND_KW);
                    case "pv" -> List.of(FaultEvents.Quantity.PV_KW);
                    case "meter" -> List.of(FaultEvents.Quantity.LOAD_KW);
                    default -> null;
                };
                if (d != null && qs == null) {
                    dev.report("is not a device role: battery, wind, pv or meter");
                } else if ("battery".equals(d) && !hasBattery) {
                    dev.report("names the battery, but the site has none");
                } else if ("wind".equals(d) && !hasWind || "pv".equals(d) && !hasPv) {
                    dev.report("names the site's " + d + ", but it has none");
                }
                FaultEvents.Window w = window(c, zone);
                if (qs != null && w != null) {
                    for (FaultEvents.Quantity q : qs) {
                        measurement.add(new FaultEvents.MeasurementFault(q, FaultEvents.FaultMode.LOST, w));
                    }
                }
            }
        }
        if (m.has("sensor_faults")) {
            for (YamlNode item : m.get("sensor_faults").asList()) {
                YamlMap c = item.asMap();
                FaultEvents.Quantity q = c.has("quantity") ? c.choice("quantity", FaultEvents.Quantity.class, null)
                        : null;
                if (!c.has("quantity")) {
                    c.get("quantity").report("is required: wind_kw, pv_kw, load_kw or soc_fraction");
                }
                YamlNode modeNode = c.get("mode");
                String mode = modeNode.asText();
                FaultEvents.FaultMode fm = mode == null ? null : switch (mode.strip()) {
                    case "stale", "nan" -> FaultEvents.FaultMode.LOST;
                    case "stuck" -> FaultEvents.FaultMode.STUCK;
                    default -> null;
                };
                if (mode != null && fm == null) {
                    modeNode.report("is not one of stale, nan, stuck");
                }
                if (q == FaultEvents.Quantity.SOC_FRACTION && !hasBattery) {
                    c.get("quantity").report("is the battery's, but the site has none");
                }
                FaultEvents.Window w = window(c, zone);
                if (q != null && fm != null && w != null) {
                    measurement.add(new FaultEvents.MeasurementFault(q, fm, w));
                }
            }
        }
        long seed = m.integer("seed", NumberRule.FINITE, defaultSeed);
        m.close();
        return new FaultEvents(outages, random, forced, battery, seed, measurement);
    }

    /** A {@code start} + {@code duration} window in a map of other keys too; closes the map. */
    private static FaultEvents.Window window(YamlMap w, ZoneId zone) {
        LocalDateTime start = localTime(w.get("start"));
        Long seconds = w.has("duration") ? duration(w.get("duration"), 1) : null;
        if (!w.has("duration")) {
            w.get("duration").report("is required (a duration, e.g. 4h)");
        }
        w.close();
        return start != null && seconds != null && zone != null
                ? new FaultEvents.Window(start.atZone(zone).toInstant(), seconds) : null;
    }

    private static List<FaultEvents.Window> windows(YamlMap m, String key, ZoneId zone) {
        List<FaultEvents.Window> out = new ArrayList<>();
        if (!m.has(key)) {
            return out;
        }
        for (YamlNode item : m.get(key).asList()) {
            FaultEvents.Window w = window(item.asMap(), zone);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private static LocalDateTime localTime(YamlNode n) {
        String t = n.asText();
        if (t == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(t.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            n.report("must be a site-local time like 2024-07-15 14:00");
            return null;
        }
    }

    /**
     * A load's {@code tier:}: one tier for the whole load, or (composite loads) a map from part to tier.
     *
     * @param into tiers by load id, or {@code loadId/part}
     */
    static void tier(YamlNode n, LoadSpec load, Map<String, LoadTier> into) {
        if (n == null || n.isMissing() || load == null) {
            return;
        }
        List<String> parts = LoadSpec.parts(load);
        if (n.isScalar()) {
            LoadTier t = tierValue(n);
            if (t != null) {
                into.put(load.id(), t);
            }
            return;
        }
        if (parts.isEmpty()) {
            n.report("must be one of critical, priority, sheddable (this load has no parts)");
            return;
        }
        YamlMap m = n.asMap();
        for (String key : m.keys()) {
            if (!parts.contains(key)) {
                m.keyNode(key).report("is not a part of this load (parts: " + String.join(", ", parts) + ")");
                continue;
            }
            LoadTier t = tierValue(m.get(key));
            if (t != null) {
                into.put(load.id() + "/" + key, t);
            }
        }
    }

    private static LoadTier tierValue(YamlNode n) {
        String t = n.asText();
        LoadTier tier = t == null ? null : org.gridtwin.model.KeyedEnum.fromKey(LoadTier.class, t.strip());
        if (t != null && tier == null) {
            n.report("is not one of critical, priority, sheddable");
        }
        return tier;
    }
}
