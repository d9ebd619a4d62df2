package org.gridtwin.model.yaml;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.ProfileSeries;

/** Reads the loads of a site; the {@code type} key selects the load model. */
final class LoadReader {
    static final List<String> TYPES = List.of("csv", "profile", "crane_fleet", "quay_cranes", "port_base",
            "shore_power", "households", "factory_line");
    private final Path baseDir;

    LoadReader(Path baseDir) {
        this.baseDir = baseDir;
    }

    LoadSpec load(YamlMap m) {
        YamlNode typeNode = m.get("type");
        String type = typeNode.asText();
        String id = m.id();
        LoadSpec load = null;
        if (type != null) {
            load = switch (type) {
                case "csv" -> csv(m, id);
                case "profile" -> profile(m, id);
                case "crane_fleet" -> cranes(m, id, LoadSpec.Kind.YARD);
                case "quay_cranes" -> cranes(m, id, LoadSpec.Kind.QUAY);
                case "shore_power" -> shorePower(m, id);
                case "port_base" -> portBase(m, id);
                case "households" -> households(m, id);
                case "factory_line" -> factory(m, id);
                default -> {
                    String hint = org.gridtwin.model.DidYouMeanHint.closest(type, TYPES);
                    typeNode.report("is not a load type" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                            + " (known: " + String.join(", ", TYPES) + ")");
                    yield null;
                }
            };
        }
        // with an unknown type every other key would look unknown too: report the type alone
        if (load != null || type == null) {
            m.close();
        }
        return id == null ? null : load;
    }

    private LoadSpec csv(YamlMap m, String id) {
        ProfileSeries kw = ProfileFileReader.read(m, baseDir,
                new NumberRule("must be in [0, "
                + NumberRule.fmt(Plausible.SITE_KW) + "] kW (model on-site generation as a pv or wind asset)",
                v -> v >= 0 && v <= Plausible.SITE_KW), 1);
        return kw == null ? null : new LoadSpec.CsvProfile(id, kw);
    }

    private static LoadSpec profile(YamlMap m, String id) {
        double annual = m.number("annual_kwh", Plausible.ANNUAL_ENERGY);
        List<Double> hourly = weights(m, "hourly_weights", 24, null);
        List<Double> weekday = weights(m, "weekday_weights", 7, List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
        List<Double> monthly = weights(m, "monthly_weights", 12,
                List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
        return new LoadSpec.Parametric(id, annual, hourly, weekday, monthly);
    }

    /** Relative weights: non-negative, not all zero. */
    private static List<Double> weights(YamlMap m, String key, int size, List<Double> dflt) {
        if (dflt != null && !m.has(key)) {
            return dflt;
        }
        List<Double> w = m.numbers(key, size, NumberRule.upTo(1e6, ""));
        if (w.size() == size && w.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            m.get(key).report("must not all be zero");
        }
        return w;
    }

    private static LoadSpec cranes(YamlMap m, String id, LoadSpec.Kind kind) {
        boolean quay = kind == LoadSpec.Kind.QUAY;
        LoadSpec.Travel dt = quay ? LoadSpec.Travel.QUAY_DEFAULT : LoadSpec.Travel.YARD_DEFAULT;
        long count = m.integer("count", NumberRule.range(1, 100_000));
        List<Double> moves = m.numbers("moves_per_hour", 24, NumberRule.range(0, 120));
        // quay-crane defaults: 8 kWh per move and ~2.4 MW hoisting (DOMAIN section 5)
        double kwhPerMove = quay ? m.number("kwh_per_move", Plausible.PER_MOVE_ENERGY, 8)
                : m.number("kwh_per_move", Plausible.PER_MOVE_ENERGY);
        double peak = quay ? m.number("peak_kw_per_crane", Plausible.CRANE_POWER, 2400)
                : m.number("peak_kw_per_crane", Plausible.CRANE_POWER);
        double regen = m.number("regenerated_share", NumberRule.FRACTION_BELOW_ONE, 0.3);
        double idle = m.number("idle_kw_per_crane", Plausible.DRIVE_POWER, 0);
        LoadSpec.Travel travel = new LoadSpec.Travel(
                m.number("trolley_kw", Plausible.DRIVE_POWER, dt.trolleyKw()),
                m.number("trolley_seconds", NumberRule.range(0, 600), dt.trolleySeconds()),
                m.number("gantry_kw", Plausible.DRIVE_POWER, dt.gantryKw()),
                m.number("gantry_seconds", NumberRule.range(0, 1800), dt.gantrySeconds()),
                m.number("gantry_share", NumberRule.FRACTION, dt.gantryShare()));
        LoadSpec.CraneFleet fleet = new LoadSpec.CraneFleet(id, kind, (int) count, moves, kwhPerMove, peak, regen,
                idle, travel);
        if (!Double.isNaN(kwhPerMove) && fleet.travelKwhPerMove() >= kwhPerMove) {
            m.get("kwh_per_move").report("must exceed the travel energy of a move ("
                    + String.format("%.2f", fleet.travelKwhPerMove()) + " kWh from trolley and gantry)");
        }
        // the hoist pulse must fit in an hour at the busiest rate, else the crane cannot make its moves
        if (!Double.isNaN(peak) && !Double.isNaN(kwhPerMove) && !Double.isNaN(regen) && moves.size() == 24) {
            double busiest = moves.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double hoistHoursPerMove = Math.max(0, kwhPerMove - fleet.travelKwhPerMove()) / (1 - regen) / peak;
            double cycleHours = 2 * hoistHoursPerMove + travel.trolleySeconds() / 3600
                    + travel.gantryShare() * travel.gantrySeconds() / 3600;
            if (busiest * cycleHours > 1) {
                m.get("moves_per_hour").report("is more than a crane can make: a move cycle takes "
                        + String.format("%.0f", cycleHours * 3600) + " s at these powers");
            }
        }
        return fleet;
    }

    private static LoadSpec shorePower(YamlMap m, String id) {
        long berths = m.integer("berths", NumberRule.range(1, 1000));
        double calls = m.number("calls_per_week", NumberRule.positiveUpTo(10_000, "calls"));
        double stay = m.number("mean_stay_hours", NumberRule.range(0.1, 24 * 30));
        // DOMAIN section 6: a ship at Ningbo draws about 900 kW on average from high-voltage shore power
        double meanKw = m.number("mean_kw", Plausible.SITE_POWER, 900);
        double spread = m.number("kw_spread", Plausible.SITE_POWER_OR_ZERO, 0);
        if (!Double.isNaN(meanKw) && spread > meanKw) {
            m.get("kw_spread").report("must not exceed mean_kw (" + NumberRule.fmt(meanKw) + ")");
        }
        if (!Double.isNaN(calls) && !Double.isNaN(stay) && berths > 0 && calls * stay / (7 * 24 * berths) >= 1) {
            m.get("calls_per_week").report("keeps the berths busy more than all the time (occupancy "
                    + String.format("%.2f", calls * stay / (7 * 24 * berths)) + "); queues would grow forever");
        }
        return new LoadSpec.ShorePower(id, (int) berths, calls, stay, meanKw, spread);
    }

    private static LoadSpec portBase(YamlMap m, String id) {
        long plugs = m.integer("reefer_plugs", NumberRule.range(0, 1_000_000), 0);
        double kwPerPlug = m.number("reefer_kw_per_plug", Plausible.PER_PLUG_POWER, 4);
        double occupancy = m.number("reefer_occupancy_fraction", NumberRule.FRACTION, 0.6);
        double lighting = m.number("lighting_kw", Plausible.SITE_POWER_OR_ZERO, 0);
        long on = m.integer("lighting_on_hour", NumberRule.range(0, 23), 18);
        long off = m.integer("lighting_off_hour", NumberRule.range(0, 23), 6);
        double office = m.number("office_kw", Plausible.SITE_POWER_OR_ZERO, 0);
        return new LoadSpec.PortBase(id, (int) plugs, kwPerPlug, occupancy, lighting, (int) on, (int) off, office);
    }

    private static LoadSpec households(YamlMap m, String id) {
        long count = m.integer("count", NumberRule.range(1, 10_000_000));
        double annual = m.number("annual_kwh_per_household", Plausible.PER_HOUSEHOLD_ENERGY);
        List<Double> hourly = weights(m, "hourly_weights", 24, null);
        double tariff = m.number("tariff_yuan_per_kwh", Plausible.PRICE, 0.538);
        double subsidy = m.number("pv_subsidy_yuan_per_kwh", Plausible.PRICE, 0);
        return new LoadSpec.Households(id, (int) count, annual, hourly, tariff, subsidy);
    }

    private static LoadSpec factory(YamlMap m, String id) {
        double takt = m.number("takt_seconds", NumberRule.range(1, 86_400));
        double kwhPerCar = m.number("kwh_per_car", Plausible.PER_CAR_ENERGY);
        double base = m.number("base_kw", Plausible.SITE_POWER_OR_ZERO, 0);
        List<LoadSpec.Shift> shifts = new ArrayList<>();
        for (YamlNode s : m.get("shifts").asList()) {
            YamlMap sm = s.asMap();
            int from = TariffReader.minutes(sm.get("from"));
            int to = TariffReader.minutes(sm.get("to"));
            if (from >= 0 && to >= 0 && from == to) {
                sm.get("to").report("must differ from 'from'");
            }
            sm.close();
            if (from >= 0 && to >= 0 && from != to) {
                shifts.add(new LoadSpec.Shift(from, to % 1440));
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (m.has("working_days")) {
            for (YamlNode d : m.get("working_days").asList()) {
                String t = d.asText();
                DayOfWeek day = t == null ? null : dayOfWeek(t);
                if (t != null && day == null) {
                    d.report("is not a day of the week (mon, tue, wed, thu, fri, sat, sun)");
                } else if (day != null && !days.add(day)) {
                    d.report("is listed twice");
                }
            }
        } else {
            days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        return new LoadSpec.FactoryLine(id, takt, kwhPerCar, shifts, days, base);
    }

    private static DayOfWeek dayOfWeek(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || d.name().substring(0, 3).equals(t)) {
                return d;
            }
        }
        return null;
    }
}
