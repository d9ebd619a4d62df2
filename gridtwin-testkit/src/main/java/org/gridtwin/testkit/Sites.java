package org.gridtwin.testkit;

import java.time.Month;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.Battery;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.EmissionFactor;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.Tariff;
import org.gridtwin.model.SyntheticWeatherSpec;

/** Tiny named fixture sites with round numbers that make hand calculation easy. */
public final class Sites {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Sites() {
    }

    /**
     * One bus with a PV array, a battery and a grid connection.
     *
     * <pre>
     *   PV 100 kWp ──┐
     *                ├── bus ── grid (import ≤ 200 kW, export ≤ 100 kW, 0.5 yuan/kWh flat, feed-in 0.4)
     *   battery ─────┤         emission factor 0.5 t/MWh
     *   100 kWh      │
     *   ±50 kW       └── load 20 kW constant
     *   η 0.9 / 0.9, SoC 0.1..0.9, start 0.5, no self-discharge
     * </pre>
     */
    public static Site oneBusPvBattery() {
        return new Site("one-bus", "One bus PV + battery", SHANGHAI, 30.0, 120.0, flatWeather(),
                List.of(), List.of(pv100()), battery100(), grid(200, 100, 0.5),
                List.of(new LoadSpec.Parametric("load", 20 * 8760, ones(24), ones(7), ones(12))),
                new DispatchSettings(DispatchSettings.DEFAULT_STRATEGY, 150, 0.8));
    }

    /** The same site with another battery ({@code null} for none). */
    public static Site withBattery(Site s, Battery battery) {
        return new Site(s.id(), s.name(), s.timeZone(), s.latitudeDeg(), s.longitudeDeg(), s.weather(), s.wind(),
                s.pv(), battery, s.grid(), s.loads(), s.dispatch(), s.resilience());
    }

    /** The same site with another grid connection. */
    public static Site withGrid(Site s, GridConnection grid) {
        return new Site(s.id(), s.name(), s.timeZone(), s.latitudeDeg(), s.longitudeDeg(), s.weather(), s.wind(),
                s.pv(), s.battery(), grid, s.loads(), s.dispatch(), s.resilience());
    }

    public static Battery battery100() {
        return new Battery(100, 50, 50, 0.9, 0.9, 0.1, 0.9, 0.5, 0);
    }

    public static PvArray pv100() {
        return new PvArray("pv", 100, 100, 20, 180, 0.14, -0.0037, 0.2);
    }

    /** A grid connection with a flat tariff and a constant emission factor of 0.5 t/MWh. */
    public static GridConnection grid(double importLimitKw, double exportLimitKw, double priceYuanPerKwh) {
        return new GridConnection(importLimitKw, exportLimitKw, flatTariff(priceYuanPerKwh), 0.4,
                new EmissionFactor(0.5, null));
    }

    public static Tariff flatTariff(double priceYuanPerKwh) {
        return new Tariff("flat", Map.of(Tariff.PeriodType.FLAT, priceYuanPerKwh),
                List.of(new Tariff.Season("all", EnumSet.allOf(Month.class),
                        List.of(new Tariff.Period(Tariff.PeriodType.FLAT, 0, 1440)))));
    }

    /** Valley 0:00–8:00 at {@code valley}, peak 8:00–24:00 at {@code peak}, all year. */
    public static Tariff twoPeriodTariff(double valley, double peak) {
        return new Tariff("two", Map.of(Tariff.PeriodType.VALLEY, valley, Tariff.PeriodType.PEAK, peak),
                List.of(new Tariff.Season("all", EnumSet.allOf(Month.class),
                        List.of(new Tariff.Period(Tariff.PeriodType.VALLEY, 0, 480),
                                new Tariff.Period(Tariff.PeriodType.PEAK, 480, 1440)))));
    }

    /** Weather with the same statistics every month: 120 kWh/m² of GHI, 6 m/s at 10 m, 20 °C. */
    public static SyntheticWeatherSpec flatWeather() {
        return new SyntheticWeatherSpec(repeat(120, 12), repeat(6, 12), 10, 2, repeat(20, 12), 8);
    }

    public static List<Double> ones(int n) {
        return repeat(1, n);
    }

    public static List<Double> repeat(double value, int n) {
        return java.util.Collections.nCopies(n, value);
    }
}
