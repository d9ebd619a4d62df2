package org.gridtwin.model.yaml;

import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridtwin.model.Tariff;
import org.gridtwin.model.Tariff.Period;
import org.gridtwin.model.Tariff.PeriodType;
import org.gridtwin.model.Tariff.Season;

/** Reads a time-of-use tariff and checks that it assigns exactly one price to every minute of the year. */
final class TariffReader {

    Tariff tariff(YamlMap m) {
        String id = m.id();
        Map<PeriodType, Double> prices = prices(m.get("prices_yuan_per_kwh").asMap());
        YamlNode seasonsNode = m.get("seasons");
        List<Season> seasons = new ArrayList<>();
        Map<Month, String> monthOwner = new EnumMap<>(Month.class);
        for (YamlNode s : seasonsNode.asList()) {
            Season season = season(s.asMap(), monthOwner, prices);
            if (season != null) {
                seasons.add(season);
            }
        }
        if (!seasonsNode.isMissing() && monthOwner.size() < 12 && !seasons.isEmpty()) {
            EnumSet<Month> missing = EnumSet.allOf(Month.class);
            missing.removeAll(monthOwner.keySet());
            seasonsNode.report("must cover every month; missing: " + missing);
        }
        m.close();
        return id == null ? null : new Tariff(id, prices, seasons);
    }

    private static Map<PeriodType, Double> prices(YamlMap m) {
        Map<PeriodType, Double> prices = new EnumMap<>(PeriodType.class);
        for (PeriodType t : PeriodType.values()) {
            if (m.has(t.key())) {
                prices.put(t, m.number(t.key(), Plausible.PRICE));
            }
        }
        m.close();
        return prices;
    }

    private static Season season(YamlMap m, Map<Month, String> monthOwner, Map<PeriodType, Double> prices) {
        String name = m.text("name");
        Set<Month> months = EnumSet.noneOf(Month.class);
        YamlNode monthsNode = m.get("months");
        for (YamlNode mn : monthsNode.asList()) {
            long v = mn.asLong(NumberRule.range(1, 12));
            if (v == Long.MIN_VALUE) {
                continue;
            }
            Month month = Month.of((int) v);
            String owner = monthOwner.putIfAbsent(month, name);
            if (owner != null || !months.add(month)) {
                mn.report("overlaps: month already belongs to season '" + owner + "'");
            }
        }
        List<Period> periods = new ArrayList<>();
        List<YamlNode> periodNodes = new ArrayList<>();
        for (YamlNode pn : m.get("periods").asList()) {
            Period p = period(pn.asMap(), prices);
            if (p != null) {
                periods.add(p);
                periodNodes.add(pn);
            }
        }
        checkCoverage(m.get("periods"), periods, periodNodes);
        m.close();
        return name == null ? null : new Season(name, months, periods);
    }

    private static Period period(YamlMap m, Map<PeriodType, Double> prices) {
        YamlNode typeNode = m.get("type");
        String typeKey = typeNode.asText();
        PeriodType type = typeKey == null ? null : PeriodType.fromKey(typeKey);
        if (typeKey != null && type == null) {
            typeNode.report("is not a period type (sharp_peak, peak, flat, valley, deep_valley)");
        } else if (type != null && !prices.containsKey(type)) {
            typeNode.report("has no price under prices_yuan_per_kwh");
        }
        int from = minutes(m.get("from"));
        int to = minutes(m.get("to"));
        if (from >= 0 && to >= 0 && to <= from) {
            m.get("to").report("must be after from (" + m.get("from").raw()
                    + "); split a period that crosses midnight in two");
        }
        m.close();
        return type == null || from < 0 || to <= from ? null : new Period(type, from, to);
    }

    /** Minutes after midnight for "HH:MM" (00:00 to 24:00), or -1 after reporting. */
    static int minutes(YamlNode n) {
        String t = n.asText();
        if (t == null) {
            return -1;
        }
        String[] parts = t.strip().split(":");
        try {
            if (parts.length == 2) {
                int h = Integer.parseInt(parts[0]);
                int min = Integer.parseInt(parts[1]);
                if (h >= 0 && min >= 0 && min < 60 && (h < 24 || h == 24 && min == 0)) {
                    return h * 60 + min;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        n.report("must be a time of day \"HH:MM\" from 00:00 to 24:00");
        return -1;
    }

    private static void checkCoverage(YamlNode periodsNode, List<Period> periods, List<YamlNode> nodes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> periods.get(i).fromMinute()));
        int covered = 0;
        for (int i : order) {
            Period p = periods.get(i);
            if (p.fromMinute() < covered) {
                nodes.get(i).asMap().get("from").report("overlaps the previous period, which ends at "
                        + hhmm(covered));
            } else if (p.fromMinute() > covered) {
                nodes.get(i).asMap().get("from").report("leaves a gap: nothing covers " + hhmm(covered) + "–"
                        + hhmm(p.fromMinute()));
            }
            covered = Math.max(covered, p.toMinute());
        }
        if (!periods.isEmpty() && covered < 1440) {
            periodsNode.report("must cover the whole day; nothing covers " + hhmm(covered) + "–24:00");
        }
    }

    static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
