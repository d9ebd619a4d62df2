package org.gridtwin.model;

import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A time-of-use import tariff: seasons (sets of months) split each day into periods, and each period type has a
 * price. Periods are in the site's local time. The reader checks that seasons cover every month exactly once and
 * that each season's periods cover the day without overlap.
 *
 * @param id      name used to refer to it from sites
 * @param prices  price per period type, yuan/kWh
 * @param seasons seasons, each with its periods
 */
public record Tariff(String id, Map<PeriodType, Double> prices, List<Season> seasons) {

    public Tariff {
        prices = Map.copyOf(prices);
        seasons = List.copyOf(seasons);
    }

    /** Period types, from dearest to cheapest. */
    public enum PeriodType implements KeyedEnum {
        SHARP_PEAK("sharp_peak"), PEAK("peak"), FLAT("flat"), VALLEY("valley"), DEEP_VALLEY("deep_valley");

        private final String key;

        PeriodType(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        public static PeriodType fromKey(String key) {
            return KeyedEnum.fromKey(PeriodType.class, key);
        }
    }

    /** Months sharing one daily pattern. */
    public record Season(String name, Set<Month> months, List<Period> periods) {
        public Season {
            months = Set.copyOf(months);
            periods = List.copyOf(periods);
        }
    }

    /** A daily interval [fromMinute, toMinute) in minutes after local midnight, 0..1440. */
    public record Period(PeriodType type, int fromMinute, int toMinute) {
    }
}
