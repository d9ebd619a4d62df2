package org.gridtwin.sim.sizing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.PvArray;
import org.gridtwin.model.Site;
import org.gridtwin.model.WindFarm;
import org.gridtwin.model.yaml.NumberRule;
import org.gridtwin.model.yaml.Problems;
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

    public static SearchSpace read(Path file, Site site) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(file.toString(), "(file)", null, "does not exist");
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "(file)", null, "cannot be read: " + e.getMessage());
        }
        Problems problems = new Problems(file.getFileName().toString());
        YamlNode root = YamlNode.parse(text, problems);
        problems.throwIfAny();
        SearchSpace d = around(site);
        YamlMap m = root.asMap();
        List<Double> pv = m.has("pv_kw") ? m.numbers("pv_kw", 0, NumberRule.NON_NEGATIVE) : d.pvKw();
        List<Double> e = m.has("battery_kwh") ? m.numbers("battery_kwh", 0, NumberRule.NON_NEGATIVE)
                : d.batteryKwh();
        List<Double> p = m.has("battery_kw") ? m.numbers("battery_kw", 0, NumberRule.POSITIVE) : d.batteryKw();
        List<Integer> t = d.turbines();
        if (m.has("turbines")) {
            t = new ArrayList<>();
            for (double v : m.numbers("turbines", 0, NumberRule.range(0, 10_000))) {
                t.add((int) v);
            }
        }
        List<Double> g = m.has("grid_limit_kw") ? m.numbers("grid_limit_kw", 0, NumberRule.NON_NEGATIVE)
                : d.gridLimitKw();
        double minRf = m.number("min_renewable_fraction", NumberRule.FRACTION, 0);
        double maxUnmet = m.number("max_unmet_fraction", NumberRule.FRACTION, 1);
        double maxImport = m.number("max_grid_import_kwh", NumberRule.NON_NEGATIVE, Double.POSITIVE_INFINITY);
        m.close();
        problems.throwIfAny();
        return new SearchSpace(pv, e, p, t, g, minRf, maxUnmet, maxImport);
    }
}
