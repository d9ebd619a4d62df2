package org.gridtwin.model.yaml;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridtwin.model.Battery;
import org.gridtwin.model.DispatchSettings;
import org.gridtwin.model.Economics;
import org.gridtwin.model.Durations;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.IslandSettings;
import org.gridtwin.model.LoadTier;
import org.gridtwin.model.Resilience;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.LoadSpec;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.ReportedFigure;
import org.gridtwin.model.Scenario;
import org.gridtwin.model.SimulationSettings;
import org.gridtwin.model.Site;
import org.gridtwin.model.Tariff;
import org.gridtwin.model.TextFile;
import org.gridtwin.model.WeatherSpec;
import org.gridtwin.model.WindFarm;

/**
 * Reads a scenario YAML file into validated records. Every rule is checked and every broken one reported, with
 * file, line, column, YAML path, value and rule, in one {@link InvalidInputException}.
 */
public final class ScenarioReader {
    private final Problems problems;
    private final Path baseDir;

    private ScenarioReader(Problems problems, Path baseDir) {
        this.problems = problems;
        this.baseDir = baseDir;
    }

    /** Reads a scenario file; relative paths inside it (CSV profiles) are resolved against its folder. */
    public static Scenario read(Path file) {
        String text = TextFile.readInput(file);
        Path dir = file.toAbsolutePath().getParent();
        return read(text, file.getFileName().toString(), dir);
    }

    /**
     * Reads scenario text.
     *
     * @param label   the name used in messages (a file name or a built-in scenario's name)
     * @param baseDir folder relative file references are resolved in, or {@code null} to forbid them
     */
    public static Scenario read(String text, String label, Path baseDir) {
        Problems problems = new Problems(label);
        YamlNode root = YamlNode.parse(text, problems);
        problems.throwIfAny();
        Scenario scenario = new ScenarioReader(problems, baseDir).scenario(root.asMap(), label);
        problems.throwIfAny();
        return scenario;
    }

    private Scenario scenario(YamlMap m, String label) {
        String name = m.text("name");
        String description = m.text("description", "");
        SimulationSettings sim = simulation(m.has("simulation") ? m.get("simulation").asMap() : null);
        Map<String, Tariff> tariffs = new LinkedHashMap<>();
        if (m.has("tariffs")) {
            TariffReader tr = new TariffReader();
            for (YamlNode t : m.get("tariffs").asList()) {
                Tariff tariff = tr.tariff(t.asMap());
                if (tariff != null && tariffs.putIfAbsent(tariff.id(), tariff) != null) {
                    t.asMap().get("id").report("is a duplicate tariff id");
                }
            }
        }
        List<Site> sites = new ArrayList<>();
        YamlNode sitesNode = m.get("sites");
        List<YamlNode> siteNodes = sitesNode.asList();
        if (!sitesNode.isMissing() && siteNodes.isEmpty()) {
            sitesNode.report("must list at least one site");
        }
        Set<String> siteIds = new HashSet<>();
        Map<String, Site> readSites = new HashMap<>();
        for (YamlNode s : siteNodes) {
            YamlMap sm = s.asMap();
            // ids are collected even from sites with errors, so references to them are not reported as well
            String id = sm.peekText("id");
            if (id != null && !siteIds.add(id)) {
                sm.get("id").report("is a duplicate site id");
            }
            Site site = site(sm, tariffs, sim.seed());
            if (site != null) {
                sites.add(site);
                readSites.putIfAbsent(site.id(), site);
            }
        }
        List<ReportedFigure> reported = new ArrayList<>();
        if (m.has("reported")) {
            for (YamlNode r : m.get("reported").asList()) {
                ReportedFigure f = reported(r.asMap(), siteIds, readSites);
                if (f != null) {
                    reported.add(f);
                }
            }
        }
        Economics economics = m.has("economics") ? economics(m.get("economics").asMap()) : Economics.DEFAULT;
        m.close();
        if (!problems.isEmpty()) {
            return null;
        }
        return new Scenario(name, description, label, sim, sites, reported, economics);
    }

    private static Economics economics(YamlMap m) {
        Economics d = Economics.DEFAULT;
        double rate = discountRate(m, d.realDiscountRate());
        NumberRule omRule = NumberRule.range(0, 0.5);
        NumberRule replacementRule = NumberRule.range(0, 2);
        // shared keys set every asset; a per-asset key overrides its share
        double om = m.number("om_fraction_per_year", omRule, d.pvOmFractionPerYear());
        double replacement = m.number("replacement_fraction", replacementRule, d.pvReplacementFraction());
        double variableOm = m.number("variable_om_yuan_per_kwh", Plausible.PRICE, d.pvVariableOmYuanPerKwh());
        Economics e = new Economics((int) m.integer("project_years", NumberRule.range(1, 100), d.projectYears()),
                rate,
                m.number("pv_yuan_per_kw", Plausible.CAPEX, d.pvYuanPerKw()),
                m.number("battery_yuan_per_kwh", Plausible.CAPEX, d.batteryYuanPerKwh()),
                m.number("battery_yuan_per_kw", Plausible.CAPEX, d.batteryYuanPerKw()),
                m.number("wind_yuan_per_kw", Plausible.CAPEX, d.windYuanPerKw()),
                m.number("pv_om_fraction_per_year", omRule, om),
                m.number("wind_om_fraction_per_year", omRule, om),
                m.number("battery_om_fraction_per_year", omRule, om),
                m.number("pv_lifetime_years", Plausible.LIFETIME_YEARS, d.pvLifetimeYears()),
                m.number("wind_lifetime_years", Plausible.LIFETIME_YEARS, d.windLifetimeYears()),
                m.number("battery_calendar_years", Plausible.LIFETIME_YEARS, d.batteryCalendarYears()),
                m.number("battery_cycle_life", NumberRule.positiveUpTo(1_000_000, "cycles"), d.batteryCycleLife()),
                m.number("pv_replacement_fraction", replacementRule, replacement),
                m.number("wind_replacement_fraction", replacementRule, replacement),
                m.number("battery_replacement_fraction", replacementRule, replacement),
                m.number("capital_grant_yuan", Plausible.MONEY, d.capitalGrantYuan()),
                m.number("subsidy_yuan_per_kwh", Plausible.PRICE, d.subsidyYuanPerKwh()),
                m.number("pv_variable_om_yuan_per_kwh", Plausible.PRICE, variableOm),
                m.number("wind_variable_om_yuan_per_kwh", Plausible.PRICE, variableOm));
        m.close();
        return e;
    }

    /**
     * The real discount rate: given directly, or from a nominal rate and inflation as HOMER does,
     * i = (i' − f) / (1 + f) (docs/economics.md). Giving both forms is an error rather than a silent choice.
     */
    private static double discountRate(YamlMap m, double defaultRate) {
        if (!m.has("nominal_discount_rate")) {
            if (m.has("inflation_rate")) {
                m.get("inflation_rate").report("needs nominal_discount_rate (or give real_discount_rate alone)");
            }
            return m.number("real_discount_rate", NumberRule.range(-0.5, 1), defaultRate);
        }
        if (m.has("real_discount_rate")) {
            m.get("real_discount_rate").report("cannot be given with nominal_discount_rate; give one of them");
        }
        double nominal = m.number("nominal_discount_rate", NumberRule.range(-0.5, 1));
        double inflation = m.number("inflation_rate", NumberRule.range(-0.5, 1), 0);
        return (nominal - inflation) / (1 + inflation);
    }

    private SimulationSettings simulation(YamlMap m) {
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate end = LocalDate.of(2025, 1, 1);
        Duration step = Duration.ofHours(1);
        long seed = 1;
        if (m == null) {
            return new SimulationSettings(start, end, step, seed);
        }
        if (m.has("start")) {
            start = periodDate(m.get("start"));
        }
        if (m.has("end")) {
            end = periodDate(m.get("end"));
        }
        if (start != null && end != null && !end.isAfter(start)) {
            m.get("end").report("must be after start (" + start + ")");
        }
        if (m.has("step")) {
            YamlNode n = m.get("step");
            String t = n.asText();
            step = t == null ? null : Durations.parse(t);
            if (t != null && (step == null || !SimulationSettings.isValidStep(step))) {
                n.report("must be a step from 1m to 1h that divides an hour, e.g. 1m, 5m, 15m, 1h");
            }
        }
        seed = m.integer("seed", NumberRule.FINITE, seed);
        if (start != null && end != null && end.isAfter(start) && step != null
                && SimulationSettings.isValidStep(step)) {
            String tooLong = SimulationSettings.lengthProblem(start, end, step);
            if (tooLong != null) {
                m.get(m.has("end") ? "end" : "start").report(tooLong);
            }
        }
        m.close();
        return new SimulationSettings(start, end, step, seed);
    }

    /** A date of a run: ISO form, from {@link SimulationSettings#FIRST_DAY} to {@link SimulationSettings#LAST_END}. */
    static LocalDate periodDate(YamlNode n) {
        LocalDate d = date(n);
        String problem = d == null ? null : SimulationSettings.dateProblem(d);
        if (problem != null) {
            n.report(problem);
            return null;
        }
        return d;
    }

    static LocalDate date(YamlNode n) {
        String t = n.asText();
        if (t == null) {
            return null;
        }
        try {
            // only YYYY-MM-DD: LocalDate.parse would also take "+12024-01-01" and "-2024-01-01"
            if (!t.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", t, 0);
            }
            return LocalDate.parse(t.strip());
        } catch (DateTimeParseException e) {
            n.report("must be a date like 2024-01-01 (YYYY-MM-DD)");
            return null;
        }
    }

    private Site site(YamlMap m, Map<String, Tariff> tariffs, long seed) {
        String id = m.id();
        String name = m.text("name", id);
        ZoneId zone = zone(m.get("time_zone"));
        double lat = m.number("latitude_deg", NumberRule.range(-90, 90));
        double lon = m.number("longitude_deg", NumberRule.range(-180, 180));
        AssetReader assets = new AssetReader();
        WeatherSpec weather = assets.weather(m.get("weather").asMap(), baseDir);
        Set<String> assetIds = new HashSet<>();
        List<WindFarm> wind = new ArrayList<>();
        if (m.has("wind")) {
            for (YamlNode w : m.get("wind").asList()) {
                WindFarm farm = assets.windFarm(w.asMap(), baseDir);
                uniqueId(w, farm == null ? null : farm.id(), assetIds);
                wind.add(farm);
            }
        }
        List<PvArray> pv = new ArrayList<>();
        if (m.has("pv")) {
            for (YamlNode p : m.get("pv").asList()) {
                PvArray array = assets.pvArray(p.asMap());
                uniqueId(p, array == null ? null : array.id(), assetIds);
                pv.add(array);
            }
        }
        Battery battery = m.has("battery") ? assets.battery(m.get("battery").asMap()) : null;
        GridConnection grid = assets.grid(m.get("grid").asMap(), tariffs, baseDir);
        List<LoadSpec> loads = new ArrayList<>();
        LoadReader lr = new LoadReader(baseDir);
        YamlNode loadsNode = m.get("loads");
        Map<String, LoadTier> tiers = new HashMap<>();
        for (YamlNode l : loadsNode.asList()) {
            YamlMap lm = l.asMap();
            // read before the load so its map does not call the key unknown
            YamlNode tier = lm.has("tier") ? lm.get("tier") : null;
            LoadSpec load = lr.load(lm);
            uniqueId(l, load == null ? null : load.id(), assetIds);
            ResilienceReader.tier(tier, load, tiers);
            loads.add(load);
        }
        DispatchSettings dispatch = dispatch(m.has("dispatch") ? m.get("dispatch").asMap() : null);
        IslandSettings island = ResilienceReader.island(m.has("island") ? m.get("island").asMap() : null, battery);
        Set<String> plants = new HashSet<>();
        wind.stream().filter(java.util.Objects::nonNull).forEach(f -> plants.add(f.id()));
        pv.stream().filter(java.util.Objects::nonNull).forEach(a -> plants.add(a.id()));
        FaultEvents events = ResilienceReader.events(m.has("events") ? m.get("events").asMap() : null, plants,
                m.has("battery"), m.has("wind"), m.has("pv"), zone, seed);
        m.close();
        if (!problems.isEmpty()) {
            return null;
        }
        return new Site(id, name, zone, lat, lon, weather, wind, pv, battery, grid, loads, dispatch,
                new Resilience(island, tiers, events));
    }

    private static void uniqueId(YamlNode item, String id, Set<String> ids) {
        if (id != null && !ids.add(id)) {
            item.asMap().get("id").report("is a duplicate id within the site");
        }
    }

    static ZoneId zone(YamlNode n) {
        String t = n.asText();
        if (t == null) {
            return null;
        }
        try {
            return ZoneId.of(t.strip());
        } catch (DateTimeException e) {
            n.report("is not a known time zone (use a region id such as Asia/Shanghai)");
            return null;
        }
    }

    private DispatchSettings dispatch(YamlMap m) {
        if (m == null) {
            return new DispatchSettings(DispatchSettings.DEFAULT_STRATEGY, Double.POSITIVE_INFINITY, 0.8);
        }
        String strategy = DispatchSettings.DEFAULT_STRATEGY;
        if (m.has("strategy")) {
            YamlNode n = m.get("strategy");
            strategy = n.asText();
            if (strategy != null && !DispatchSettings.KNOWN_STRATEGIES.contains(strategy)) {
                String hint = org.gridtwin.model.DidYouMeanHint.closest(strategy, DispatchSettings.KNOWN_STRATEGIES);
                n.report("is not a known strategy" + (hint == null ? "" : "; did you mean '" + hint + "'?")
                        + " (known: " + String.join(", ", DispatchSettings.KNOWN_STRATEGIES) + ")");
            }
        }
        double cap = m.number("import_cap_kw", Plausible.SITE_POWER, Double.POSITIVE_INFINITY);
        double setpoint = m.number("cycle_charging_setpoint_fraction", NumberRule.FRACTION, 0.8);
        DispatchSettings.Costs d = DispatchSettings.Costs.NONE;
        DispatchSettings.Costs costs = new DispatchSettings.Costs(
                m.number("demand_charge_yuan_per_kw_month", NumberRule.upTo(10_000, "per kW-month"), d.demandChargeYuanPerKwMonth()),
                m.number("battery_degradation_yuan_per_kwh", Plausible.PRICE, d.degradationYuanPerKwh()),
                m.number("carbon_price_yuan_per_t", NumberRule.upTo(100_000, "per t"), d.carbonPriceYuanPerT()),
                m.number("unmet_penalty_yuan_per_kwh", NumberRule.positiveUpTo(100_000, "per kWh"), d.unmetPenaltyYuanPerKwh()));
        m.close();
        return new DispatchSettings(strategy, cap, setpoint, costs);
    }

    /** @param sites the sites read without problems, to check that the figure has a simulated counterpart */
    private ReportedFigure reported(YamlMap m, Set<String> siteIds, Map<String, Site> sites) {
        YamlNode metricNode = m.get("metric");
        String metricKey = metricNode.asText();
        ReportedFigure.Metric metric = metricKey == null ? null : ReportedFigure.Metric.fromKey(metricKey);
        if (metricKey != null && metric == null) {
            List<String> keys = new ArrayList<>();
            for (ReportedFigure.Metric x : ReportedFigure.Metric.values()) {
                keys.add(x.key());
            }
            metricNode.report("is not a known metric (known: " + String.join(", ", keys) + ")");
        }
        YamlNode siteNode = m.get("site");
        String site = siteNode.asText();
        if (site != null && !siteIds.contains(site)) {
            siteNode.report("is not the id of a site in this scenario");
        } else if (metric != null && sites.containsKey(site) && metric.missingAt(sites.get(site)) != null) {
            metricNode.report(metric.missingAt(sites.get(site)) + " (it is compared with what the site simulates)");
        }
        double value = m.number("value", Plausible.REPORTED_VALUE);
        String unit = m.text("unit");
        String label = m.text("label");
        String source = m.text("source");
        LocalDate since = m.has("since") ? date(m.get("since")) : null;
        LocalDate asOf = m.has("as_of") ? date(m.get("as_of")) : null;
        if (metric == ReportedFigure.Metric.CUMULATIVE_WIND_KWH) {
            for (String key : new String[] {"since", "as_of"}) {
                if (!m.has(key)) {
                    m.get(key).report("is required for metric " + metric.key());
                }
            }
            if (since != null && asOf != null && !asOf.isAfter(since)) {
                m.get("as_of").report("must be after since (" + since + ")");
            }
        }
        m.close();
        return metric == null ? null : new ReportedFigure(metric, site, value, unit, label, source, since, asOf);
    }
}
