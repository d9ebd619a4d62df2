package org.gridtwin.model.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridtwin.model.Battery;
import org.gridtwin.model.EmissionFactor;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.Mounting;
import org.gridtwin.model.PvModels;
import org.gridtwin.model.ProfileSeries;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Tariff;
import org.gridtwin.model.SyntheticWeatherSpec;
import org.gridtwin.model.WeatherFile;
import org.gridtwin.model.WeatherSpec;
import org.gridtwin.model.weatherfile.WeatherFileReader;
import org.gridtwin.model.TurbineLibrary;
import org.gridtwin.model.WindChain;
import org.gridtwin.model.WindFarm;

/** Reads and checks the generation, storage and grid assets of a site. */
final class AssetReader {

    /** Exactly one source: {@code synthetic}, {@code epw}, {@code tmy3} or {@code csv}. */
    WeatherSpec weather(YamlMap outer, Path baseDir) {
        List<String> sources = List.of("synthetic", "epw", "tmy3", "csv");
        List<String> given = new ArrayList<>();
        for (String k : sources) {
            if (outer.has(k)) {
                given.add(k);
            }
        }
        if (given.size() != 1) {
            outer.node().report(given.isEmpty() ? "must give one weather source: synthetic, epw, tmy3 or csv"
                    : "must give only one weather source, not " + String.join(" and ", given));
            outer.close();
            return null;
        }
        String kind = given.get(0);
        YamlMap m = outer.get(kind).asMap();
        WeatherSpec spec = kind.equals("synthetic") ? synthetic(m) : weatherFile(kind, m, baseDir);
        if (spec instanceof WeatherFile file && m.has("time_shift_minutes")) {
            long shift = m.integer("time_shift_minutes", NumberRule.range(-180, 180));
            spec = shift == Long.MIN_VALUE ? file : file.shifted((int) shift);
        } else if (m.has("time_shift_minutes")) {
            m.get("time_shift_minutes").report("applies to weather files only");
        }
        m.close();
        outer.close();
        return spec;
    }

    private static SyntheticWeatherSpec synthetic(YamlMap m) {
        List<Double> ghi = m.numbers("ghi_kwh_per_m2_month", 12, NumberRule.range(0, 300));
        List<Double> wind = m.numbers("wind_mean_m_per_s", 12, NumberRule.range(0.1, 30));
        double refHeight = m.number("wind_reference_height_m", Plausible.HEIGHT_M, 10);
        double k = m.number("weibull_k", NumberRule.range(1, 4), 2);
        List<Double> temp = m.numbers("temperature_mean_c", 12, NumberRule.range(-60, 60));
        double range = m.number("temperature_daily_range_c", NumberRule.range(0, 40), 7);
        return new SyntheticWeatherSpec(ghi, wind, refHeight, k, temp, range);
    }

    private static WeatherSpec weatherFile(String kind, YamlMap m, Path baseDir) {
        YamlNode fileNode = m.get("file");
        String fileName = fileNode.asText();
        double windHeight = m.number("wind_height_m", Plausible.HEIGHT_M, 10);
        if (fileName == null) {
            return null;
        }
        if (baseDir == null) {
            fileNode.report("cannot be read: relative files need a scenario file on disk (use 'gridtwin init')");
            return null;
        }
        Path file = baseDir.resolve(fileName);
        Problems problems = m.node().problems();
        if (kind.equals("epw")) {
            return WeatherFileReader.readEpw(file, windHeight, problems, fileNode);
        }
        if (kind.equals("tmy3")) {
            return WeatherFileReader.readTmy3(file, windHeight, problems, fileNode);
        }
        String timeColumn = m.text("time_column", "time");
        double offset = m.number("utc_offset_hours", NumberRule.range(-12, 14));
        long interval = m.integer("interval_minutes", NumberRule.range(1, 60), 60);
        String label = m.text("time_label", "interval_end");
        if (label != null && !label.equals("interval_end") && !label.equals("interval_start")) {
            m.get("time_label").report("must be interval_end or interval_start");
        }
        if (interval > 0 && 60 % interval != 0) {
            m.get("interval_minutes").report("must divide an hour");
        }
        YamlMap cols = m.get("columns").asMap();
        Map<String, String> columns = new LinkedHashMap<>();
        for (String q : List.of("ghi_wm2", "dni_wm2", "dhi_wm2", "temperature_c", "wind_m_per_s", "pressure_pa")) {
            boolean required = q.equals("ghi_wm2") || q.equals("temperature_c") || q.equals("wind_m_per_s");
            if (required || cols.has(q)) {
                String c = cols.text(q);
                if (c != null) {
                    columns.put(q, c);
                }
            }
        }
        cols.close();
        if (Double.isNaN(offset) || !m.node().problems().isEmpty()) {
            return null;
        }
        return WeatherFileReader.readCsv(file, new WeatherFileReader.CsvMapping(timeColumn, offset, (int) interval,
                !"interval_start".equals(label), columns, windHeight), problems, fileNode);
    }

    WindFarm windFarm(YamlMap m, Path baseDir) {
        String id = m.id();
        long count = m.integer("count", NumberRule.range(1, 10_000), 1);
        TurbineLibrary.Entry library = null;
        if (m.has("turbine")) {
            YamlNode t = m.get("turbine");
            String name = t.asText();
            library = name == null ? null : TurbineLibrary.get(name).orElse(null);
            if (name != null && library == null) {
                t.report("is not in the turbine library (" + String.join(", ", TurbineLibrary.names()) + ")"
                        + org.gridtwin.model.DidYouMeanHint.hint(name, TurbineLibrary.names()));
            }
        }
        double rated = library != null ? m.number("rated_kw", Plausible.TURBINE_POWER, library.ratedKw())
                : m.number("rated_kw", Plausible.TURBINE_POWER);
        double hub = library != null && !Double.isNaN(library.hubHeightM())
                ? m.number("hub_height_m", Plausible.HEIGHT_M, library.hubHeightM())
                : m.number("hub_height_m", Plausible.HEIGHT_M);
        double shear = m.number("shear_exponent", NumberRule.range(0, 1), 1.0 / 7);
        List<WindFarm.CurvePoint> curve;
        int sources = (library != null ? 1 : 0) + (m.has("power_curve") ? 1 : 0) + (m.has("power_curve_csv") ? 1 : 0);
        if (sources > 1) {
            m.node().report("must give one power curve: turbine, power_curve or power_curve_csv");
        } else if (sources == 0) {
            m.get("power_curve").report("is required (or give power_curve_csv, or a library turbine: "
                    + String.join(", ", TurbineLibrary.names()) + ")");
        }
        if (library != null) {
            // a library curve is scaled to the farm's rated power when they differ (e.g. 6 MW → 6.25 MW)
            double f = Double.isNaN(rated) ? 1 : rated / library.ratedKw();
            curve = library.curve().stream().map(p -> new WindFarm.CurvePoint(p.windSpeedMPerS(), p.powerKw() * f))
                    .toList();
        } else if (m.has("power_curve_csv")) {
            curve = curveFromCsv(m.get("power_curve_csv").asMap(), baseDir, rated);
        } else if (m.has("power_curve")) {
            curve = powerCurve(m.get("power_curve"), rated);
        } else {
            curve = List.of(); // reported above
        }
        double cutIn = m.number("cut_in_m_per_s", Plausible.WIND_SPEED, defaultCutIn(curve));
        double cutOut = m.number("cut_out_m_per_s", Plausible.POSITIVE_WIND_SPEED, defaultCutOut(curve));
        if (cutIn >= cutOut) {
            m.get("cut_in_m_per_s").report("must be < cut_out_m_per_s (" + NumberRule.fmt(cutOut) + ")");
        }
        double availability = m.number("availability_fraction", NumberRule.EFFICIENCY, 1.0);
        WindChain chain = m.has("chain") ? windChain(m.get("chain").asMap(), hub, library) : WindChain.SIMPLE;
        m.close();
        return new WindFarm(id, (int) count, rated, hub, shear, cutIn, cutOut, availability, curve, chain);
    }

    /** The speed after which the curve first produces: the last zero-power point before the first positive one. */
    static double defaultCutIn(List<WindFarm.CurvePoint> curve) {
        double cutIn = Double.NaN;
        for (WindFarm.CurvePoint p : curve) {
            if (p.powerKw() > 0) {
                return Double.isNaN(cutIn) ? p.windSpeedMPerS() : cutIn;
            }
            cutIn = p.windSpeedMPerS();
        }
        return Double.NaN;
    }

    /** The first speed after the last producing point, or just past the curve's end. */
    static double defaultCutOut(List<WindFarm.CurvePoint> curve) {
        for (int i = curve.size() - 1; i >= 0; i--) {
            if (curve.get(i).powerKw() > 0) {
                return i + 1 < curve.size() ? curve.get(i + 1).windSpeedMPerS() : curve.get(i).windSpeedMPerS() + 0.01;
            }
        }
        return Double.NaN;
    }

    private static List<WindFarm.CurvePoint> curveFromCsv(YamlMap m, Path baseDir, double ratedKw) {
        List<String> names = java.util.Arrays.asList(m.text("speed_column", "wind_speed_m_s"),
                m.text("power_column", "power_kw"));
        ProfileFileReader.Table t = ProfileFileReader.readColumns(m, baseDir, names);
        m.close();
        List<WindFarm.CurvePoint> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        double last = -1;
        for (int i = 0; i < t.rows(); i++) {
            double v = t.value(i, 0);
            double p = t.value(i, 1);
            if (v <= last || p < 0 || p > ratedKw * 1.1) {
                m.node().problems().add(t.file(), t.line(i), 0, "power curve", v + ", " + p,
                        "must have increasing speeds and powers in [0, 110 % of rated_kw]");
                return out;
            }
            last = v;
            out.add(new WindFarm.CurvePoint(v, p));
        }
        return out;
    }

    private static WindChain windChain(YamlMap m, double hubHeightM, TurbineLibrary.Entry library) {
        WindChain d = WindChain.SIMPLE;
        WindChain.Profile profile = m.choice("profile", WindChain.Profile.class, d.profile());
        boolean needsRoughness = profile != WindChain.Profile.POWER_LAW;
        double z0 = needsRoughness ? m.number("roughness_length_m", NumberRule.range(1e-5, 5))
                : m.number("roughness_length_m", NumberRule.range(1e-5, 5), d.roughnessLengthM());
        double obstacle = m.number("obstacle_height_m", NumberRule.range(0, 100), 0);
        WindChain.Density density = m.choice("density", WindChain.Density.class, d.density());
        double tHeight = m.number("temperature_height_m", NumberRule.range(0, 300), 2);
        WindChain.DensityCorrection corr = m.choice("density_correction", WindChain.DensityCorrection.class,
                d.densityCorrection());
        List<WindFarm.CurvePoint> cp = m.has("power_coefficient_curve")
                ? coefficientCurve(m.get("power_coefficient_curve")) : List.of();
        double rotor = library != null ? m.number("rotor_diameter_m", Plausible.ROTOR_M, library.rotorDiameterM())
                : cp.isEmpty() ? m.number("rotor_diameter_m", Plausible.ROTOR_M, 0)
                : m.number("rotor_diameter_m", Plausible.ROTOR_M);
        double restart = m.number("restart_below_m_per_s", Plausible.POSITIVE_WIND_SPEED, Double.NaN);
        double wake = m.number("wake_loss_fraction", NumberRule.FRACTION_BELOW_ONE, 0);
        m.close();
        return new WindChain(profile, z0, obstacle, density, tHeight, corr, cp, rotor, restart, wake);
    }

    private static List<WindFarm.CurvePoint> coefficientCurve(YamlNode n) {
        List<WindFarm.CurvePoint> out = new ArrayList<>();
        for (YamlNode row : n.asList()) {
            List<YamlNode> pair = row.asList();
            if (pair.size() != 2) {
                row.report("must be a pair [wind_speed_m_per_s, cp]");
                continue;
            }
            out.add(new WindFarm.CurvePoint(pair.get(0).asDouble(Plausible.WIND_SPEED),
                    pair.get(1).asDouble(NumberRule.range(0, 0.593))));
        }
        return out;
    }

    private static List<WindFarm.CurvePoint> powerCurve(YamlNode n, double ratedKw) {
        List<YamlNode> rows = n.asList();
        if (!n.isMissing() && rows.isEmpty() && "[list]".equals(n.raw())) {
            n.report("must not be empty: give [wind_speed_m_per_s, power_kw] pairs");
        }
        List<WindFarm.CurvePoint> out = new ArrayList<>();
        double lastSpeed = -1;
        for (YamlNode row : rows) {
            List<YamlNode> pair = row.asList();
            if (pair.size() != 2) {
                row.report("must be a pair [wind_speed_m_per_s, power_kw]");
                continue;
            }
            double v = pair.get(0).asDouble(Plausible.WIND_SPEED);
            double p = pair.get(1).asDouble(NumberRule.NON_NEGATIVE);
            if (v <= lastSpeed) {
                pair.get(0).report("must be greater than the previous speed (" + NumberRule.fmt(lastSpeed) + ")");
            }
            if (p > ratedKw * 1.1) {
                pair.get(1).report("must not exceed 110% of rated_kw (" + NumberRule.fmt(ratedKw) + ")");
            }
            if (!Double.isNaN(v)) {
                lastSpeed = v;
            }
            out.add(new WindFarm.CurvePoint(v, p));
        }
        return out;
    }

    PvArray pvArray(YamlMap m) {
        String id = m.id();
        double dc = m.number("capacity_kw_dc", Plausible.SITE_POWER);
        double ac = m.number("inverter_kw_ac", Plausible.SITE_POWER, Double.isNaN(dc) ? 1 : dc / 1.2);
        Mounting mounting = m.has("mounting") ? mounting(m.get("mounting").asMap()) : Mounting.FIXED;
        // trackers set their own orientation; fixed arrays must say theirs
        boolean tracked = mounting != null && mounting.type() == Mounting.Type.SINGLE_AXIS;
        double tilt = tracked ? m.number("tilt_deg", NumberRule.range(0, 90), 0)
                : m.number("tilt_deg", NumberRule.range(0, 90));
        double azimuth = m.number("azimuth_deg", NumberRule.range(0, 360), 180);
        double losses = m.number("system_loss_fraction", NumberRule.FRACTION_BELOW_ONE, 0.14);
        double gamma = m.number("temperature_coefficient_per_c", NumberRule.range(-0.02, 0), -0.0037);
        double albedo = m.number("albedo", NumberRule.FRACTION, 0.2);
        PvModels models = m.has("models") ? pvModels(m.get("models").asMap()) : PvModels.PVWATTS;
        m.close();
        return new PvArray(id, dc, ac, tilt, azimuth, losses, gamma, albedo, models, mounting);
    }

    private static PvModels pvModels(YamlMap m) {
        PvModels d = PvModels.PVWATTS;
        PvModels.Decomposition dec = m.choice("decomposition", PvModels.Decomposition.class, d.decomposition());
        PvModels.Transposition tr = m.choice("transposition", PvModels.Transposition.class, d.transposition());
        PvModels.Iam iam = m.choice("iam", PvModels.Iam.class, d.iam());
        PvModels.TemperatureModel temp = m.choice("cell_temperature", PvModels.TemperatureModel.class,
                d.temperature());
        PvModels.Inverter inv = m.choice("inverter", PvModels.Inverter.class, d.inverter());
        PvModels.SandiaParameters sandia = null;
        long units = 1;
        if (inv == PvModels.Inverter.SANDIA && !m.has("sandia_inverter")) {
            m.get("sandia_inverter").report("is required for inverter: sandia (keys paco_w, pdco_w, vdco_v, pso_w, "
                    + "c0, c1, c2, c3, pnt_w of one unit, SAND2007-5036)");
        } else if (inv == PvModels.Inverter.SANDIA) {
            YamlMap s = m.get("sandia_inverter").asMap();
            sandia = new PvModels.SandiaParameters(s.number("paco_w", NumberRule.positiveUpTo(Plausible.SITE_KW * 1000, "W")),
                    s.number("pdco_w", NumberRule.positiveUpTo(Plausible.SITE_KW * 1000, "W")), s.number("vdco_v", NumberRule.positiveUpTo(10_000, "V")),
                    s.number("pso_w", NumberRule.NON_NEGATIVE), s.number("c0", NumberRule.FINITE),
                    s.number("c1", NumberRule.FINITE), s.number("c2", NumberRule.FINITE),
                    s.number("c3", NumberRule.FINITE), s.number("pnt_w", NumberRule.NON_NEGATIVE, 0));
            s.close();
            units = m.integer("inverter_units", NumberRule.range(1, 1_000_000), 1);
        }
        m.close();
        return new PvModels(dec, tr, iam, temp, inv, sandia, (int) units);
    }

    private static Mounting mounting(YamlMap m) {
        Mounting.Type type = m.choice("type", Mounting.Type.class, Mounting.Type.FIXED);
        if (type != Mounting.Type.SINGLE_AXIS) {
            m.close();
            return Mounting.FIXED;
        }
        double axisTilt = m.number("axis_tilt_deg", NumberRule.range(0, 45), 0);
        double axisAzimuth = m.number("axis_azimuth_deg", NumberRule.range(0, 360), 180);
        double maxAngle = m.number("max_angle_deg", NumberRule.range(0, 90), 60);
        boolean backtrack = m.flag("backtrack", true);
        double gcr = m.number("ground_cover_ratio", NumberRule.range(0.01, 1), 0.35);
        m.close();
        return new Mounting(type, axisTilt, axisAzimuth, maxAngle, backtrack, gcr);
    }

    Battery battery(YamlMap m) {
        double energy = m.number("energy_kwh", Plausible.BATTERY_ENERGY);
        double charge = m.number("charge_kw", Plausible.SITE_POWER);
        double discharge = m.number("discharge_kw", Plausible.SITE_POWER);
        double etaC = m.number("charge_efficiency", NumberRule.EFFICIENCY, 0.95);
        double etaD = m.number("discharge_efficiency", NumberRule.EFFICIENCY, 0.95);
        double socMin = m.number("soc_min_fraction", NumberRule.FRACTION, 0.1);
        double socMax = m.number("soc_max_fraction", NumberRule.FRACTION, 0.9);
        if (socMin >= socMax) {
            m.get("soc_min_fraction").report("must be < soc_max_fraction (" + NumberRule.fmt(socMax) + ")");
        }
        double socInit = m.number("soc_initial_fraction", NumberRule.FRACTION,
                Double.isNaN(socMin) || Double.isNaN(socMax) ? 0.5 : (socMin + socMax) / 2);
        if (socInit < socMin || socInit > socMax) {
            m.get("soc_initial_fraction").report("must lie within [soc_min_fraction, soc_max_fraction] ("
                    + NumberRule.fmt(socMin) + ", " + NumberRule.fmt(socMax) + ")");
        }
        double selfDischarge = m.number("self_discharge_per_day", NumberRule.FRACTION_BELOW_ONE, 0.0);
        m.close();
        return new Battery(energy, charge, discharge, etaC, etaD, socMin, socMax, socInit, selfDischarge);
    }

    GridConnection grid(YamlMap m, Map<String, Tariff> tariffs, Path baseDir) {
        double importLimit = m.number("import_limit_kw", Plausible.SITE_POWER_OR_ZERO);
        double exportLimit = m.number("export_limit_kw", Plausible.SITE_POWER_OR_ZERO, 0);
        YamlNode tariffNode = m.get("tariff");
        String tariffId = tariffNode.asText();
        Tariff tariff = tariffId == null ? null : tariffs.get(tariffId);
        if (tariffId != null && tariff == null) {
            String hint = org.gridtwin.model.DidYouMeanHint.closest(tariffId, tariffs.keySet());
            tariffNode.report("is not the id of a tariff under 'tariffs'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?"));
        }
        double feedIn = m.number("feed_in_price_yuan_per_kwh", Plausible.PRICE, 0);
        EmissionFactor factor = emissionFactor(m, baseDir);
        m.close();
        return new GridConnection(importLimit, exportLimit, tariff, feedIn, factor);
    }

    private static EmissionFactor emissionFactor(YamlMap m, Path baseDir) {
        NumberRule plausible = NumberRule.range(0, 2);
        boolean constant = m.has("emission_factor_t_per_mwh");
        boolean hourly = m.has("emission_factor_hourly_csv");
        if (constant == hourly) {
            m.get(constant ? "emission_factor_hourly_csv" : "emission_factor_t_per_mwh")
                    .report(constant ? "must not be given together with emission_factor_t_per_mwh"
                            : "is required (or give emission_factor_hourly_csv)");
            return null;
        }
        if (constant) {
            return new EmissionFactor(m.number("emission_factor_t_per_mwh", plausible), null);
        }
        YamlMap csv = m.get("emission_factor_hourly_csv").asMap();
        ProfileSeries series = ProfileFileReader.read(csv, baseDir, plausible, 60);
        csv.close();
        return series == null ? null : new EmissionFactor(series.mean(), series);
    }
}
