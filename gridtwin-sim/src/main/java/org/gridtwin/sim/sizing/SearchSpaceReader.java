package org.gridtwin.sim.sizing;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.WindFarm;
import org.gridtwin.model.yaml.NumberRule;
import org.gridtwin.model.yaml.Plausible;
import org.gridtwin.model.yaml.Problems;
import org.gridtwin.model.yaml.ScenarioPatch;
import org.gridtwin.model.yaml.YamlMap;
import org.gridtwin.model.yaml.YamlNode;

/** Reads a search-space YAML file (docs/planning.md), or makes the default one around a site's sizes. */
public final class SearchSpaceReader {
    private SearchSpaceReader() {
    }

    /**
     * The default search: PV ×0, 0.5, 1, 1.5, 2 of the site's; battery energy ×0, 0.5, 1, 2 and power ×0.5, 1, 2
     * (a 1 MW / 2 MWh battery when the site has none); turbines 0 up to one more than the site's; the site's grid
     * limit; no constraints.
     */
    public static SearchSpace around(Site site) {
        double pv = site.pv().stream().mapToDouble(PvArray::capacityKwDc).sum();
        double e = site.hasBattery() ? site.battery().energyKwh() : 2000;
        double p = site.hasBattery() ? site.battery().dischargeKw() : 1000;
        int t = site.wind().stream().mapToInt(WindFarm::count).sum();
        List<Integer> turbines = new ArrayList<>();
        for (int k = 0; k <= (t == 0 ? 0 : t + 1); k++) {
            turbines.add(k);
        }
        return new SearchSpace(pv == 0 ? List.of(0.0) : List.of(0.0, pv / 2, pv, 1.5 * pv, 2 * pv),
                List.of(0.0, e / 2, e, 2 * e), List.of(p / 2, p, 2 * p), turbines,
                List.of(site.grid().importLimitKw()), 0, 1, Double.POSITIVE_INFINITY);
    }

    /**
     * What a search file asks for: lists of sizes (exhaustive) or {@code bounds:} (the optimiser), one of them null;
     * and the sensitivity cases (empty when none).
     */
    public record Plan(SearchSpace space, BoundsSearch bounds, List<Sensitivity.Parameter> sensitivity) {
        public Plan(SearchSpace space, BoundsSearch bounds) {
            this(space, bounds, List.of());
        }
    }

    /** Reads an exhaustive search file; a file with {@code bounds:} is an error here. */
    public static SearchSpace read(Path file, Site site) {
        Plan plan = plan(file, site);
        if (plan.space() == null) {
            throw InvalidInputException.of(file.toString(), "bounds", null,
                    "is for the optimiser; an exhaustive search lists sizes");
        }
        return plan.space();
    }

    /** Reads a search file of either kind (docs/planning.md). */
    public static Plan plan(Path file, Site site) {
        return plan(file, site, null);
    }

    /**
     * Reads a search file of either kind, with its {@code sensitivity:} block checked against the scenario.
     *
     * @param scenarioText the scenario's text, to check sensitivity paths; null to forbid a sensitivity block
     */
    public static Plan plan(Path file, Site site, String scenarioText) {
        String text;
        try {
            text = org.gridtwin.model.TextFile.readUtf8(file);
        } catch (org.gridtwin.model.TextFile.NotUtf8Exception e) {
            throw e.asInput(file.toString());
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(file.toString(), "(file)", null, "does not exist");
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "(file)", null, "cannot be read: " + e.getMessage());
        }
        Problems problems = new Problems(file.getFileName().toString());
        YamlNode root = YamlNode.parse(text, problems);
        problems.throwIfAny();
        YamlMap m = root.asMap();
        List<Sensitivity.Parameter> sensitivity = m.has("sensitivity")
                ? sensitivity(m.get("sensitivity"), scenarioText) : List.of();
        Plan plan = m.has("bounds") ? new Plan(null, bounds(m, site), sensitivity)
                : new Plan(lists(m, site), null, sensitivity);
        m.close();
        problems.throwIfAny();
        return plan;
    }

    private static List<Sensitivity.Parameter> sensitivity(YamlNode node, String scenarioText) {
        if (scenarioText == null) {
            node.report("is not available here");
            return List.of();
        }
        YamlMap m = node.asMap();
        List<Sensitivity.Parameter> out = new ArrayList<>();
        for (String path : m.keys()) {
            List<Double> values = m.numbers(path, 0, NumberRule.FINITE);
            Object base = ScenarioPatch.get(scenarioText, path);
            if (!(base instanceof Double) && path.startsWith("economics.") && path.indexOf('.', 10) < 0
                    && !path.contains("[")) {
                // the scenario leaves it at its default: vary from there
                java.util.OptionalDouble d = org.gridtwin.model.Economics.defaultOf(path.substring(10));
                if (d.isPresent()) {
                    base = d.getAsDouble();
                }
            }
            if (base instanceof Double b) {
                out.add(new Sensitivity.Parameter(path, values, b));
            } else {
                m.get(path).report("names no number of the scenario: " + base);
            }
        }
        m.close();
        return out;
    }

    private static SearchSpace lists(YamlMap m, Site site) {
        SearchSpace d = around(site);
        List<Double> pv = m.has("pv_kw") ? m.numbers("pv_kw", 0, Plausible.SITE_POWER_OR_ZERO) : d.pvKw();
        List<Double> e = m.has("battery_kwh") ? m.numbers("battery_kwh", 0, Plausible.BATTERY_ENERGY_OR_ZERO)
                : d.batteryKwh();
        List<Double> p = m.has("battery_kw") ? m.numbers("battery_kw", 0, Plausible.SITE_POWER) : d.batteryKw();
        List<Integer> t = d.turbines();
        if (m.has("turbines")) {
            t = new ArrayList<>();
            for (double v : m.numbers("turbines", 0, NumberRule.range(0, 10_000))) {
                t.add((int) v);
            }
        }
        List<Double> g = m.has("grid_limit_kw") ? m.numbers("grid_limit_kw", 0, Plausible.SITE_POWER_OR_ZERO)
                : d.gridLimitKw();
        return constraints(m, pv, e, p, t, g);
    }

    private static SearchSpace constraints(YamlMap m, List<Double> pv, List<Double> e, List<Double> p,
            List<Integer> t, List<Double> g) {
        double minRf = m.number("min_renewable_fraction", NumberRule.FRACTION, 0);
        double maxUnmet = m.number("max_unmet_fraction", NumberRule.FRACTION, 1);
        double maxImport = m.number("max_grid_import_kwh", NumberRule.NON_NEGATIVE, Double.POSITIVE_INFINITY);
        double survival = m.number("min_survival_hours", NumberRule.upTo(720, "hours"), 0);
        double probability = m.number("survival_probability", NumberRule.EFFICIENCY, 1);
        if (m.has("survival_probability") && !m.has("min_survival_hours")) {
            m.get("survival_probability").report("needs min_survival_hours (the outage it is the probability of)");
        }
        return new SearchSpace(pv, e, p, t, g, minRf, maxUnmet, maxImport, survival, probability);
    }

    /**
     * The optimiser's bounds, each {@code [min, max]}; defaults: PV 0 to twice the site's (0 without PV), battery
     * 0 to twice the site's energy and half to twice its power, 0 to one more turbine, the site's grid limit.
     */
    private static BoundsSearch bounds(YamlMap m, Site site) {
        SearchSpace d = around(site);
        YamlMap b = m.get("bounds").asMap();
        double[] pv = range(b, "pv_kw", 0, max(d.pvKw()));
        double[] kwh = range(b, "battery_kwh", 0, max(d.batteryKwh()));
        double[] kw = range(b, "battery_kw", d.batteryKw().get(0), max(d.batteryKw()));
        double[] t = range(b, "turbines", 0, d.turbines().get(d.turbines().size() - 1));
        double[] g = range(b, "grid_limit_kw", d.gridLimitKw().get(0), d.gridLimitKw().get(0));
        b.close();
        if (pv[1] > 0 && site.pv().isEmpty()) {
            b.get("pv_kw").report("must be [0, 0]: the site has no PV array to scale");
        }
        if (t[0] != Math.rint(t[0]) || t[1] != Math.rint(t[1])) {
            b.get("turbines").report("must be whole numbers of turbines");
        }
        if (t[1] > 0 && site.wind().isEmpty()) {
            b.get("turbines").report("must be [0, 0]: the site has no wind farm to scale");
        }
        if (kw[0] <= 0 && kwh[1] > 0) {
            b.get("battery_kw").report("must have a positive minimum when a battery is sized");
        }
        int starts = (int) m.integer("starts", NumberRule.range(1, 100), 3);
        int evaluations = (int) m.integer("max_evaluations", NumberRule.range(5, 100_000), 150);
        long seed = m.integer("seed", NumberRule.range(0, Long.MAX_VALUE), 1);
        return new BoundsSearch(pv, kwh, kw, (int) t[0], (int) t[1], g, starts, evaluations, seed,
                constraints(m, List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    private static double[] range(YamlMap b, String key, double lo, double hi) {
        if (!b.has(key)) {
            return new double[] {lo, hi};
        }
        NumberRule rule = switch (key) {
            case "battery_kwh" -> Plausible.BATTERY_ENERGY_OR_ZERO;
            case "turbines" -> NumberRule.range(0, 10_000);
            default -> Plausible.SITE_POWER_OR_ZERO;
        };
        List<Double> r = b.numbers(key, 2, rule);
        if (r.size() == 2 && r.get(0) > r.get(1)) {
            b.get(key).report("must be [min, max] with min <= max, found [" + r.get(0) + ", " + r.get(1) + "]");
        }
        return r.size() == 2 ? new double[] {r.get(0), r.get(1)} : new double[] {lo, hi};
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
