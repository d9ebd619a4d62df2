package org.gridtwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridtwin.model.yaml.ScenarioPatch;
import org.gridtwin.model.yaml.ScenarioReader;
import org.junit.jupiter.api.Test;

class ScenarioPatchTest {
    private static final String NINGBO = BuiltinScenarios.text("ningbo").orElseThrow();

    @Test
    void readsAndReplacesANumberByKeysIdsAndIndexes() {
        String path = "sites[chuanshan-port].grid.emission_factor_t_per_mwh";
        // ningbo.yaml: the East China grid factor 0.5703 t/MWh
        assertThat(ScenarioPatch.get(NINGBO, path)).isEqualTo(0.5703);
        Scenario patched = ScenarioReader.read(ScenarioPatch.set(NINGBO, path, 0.65), "ningbo", null);
        assertThat(patched.site("chuanshan-port").orElseThrow().grid().emissionFactor().constantTPerMwh()).isEqualTo(0.65);
        // the other sites keep theirs
        assertThat(patched.site("liao-village").orElseThrow().grid().emissionFactor().constantTPerMwh())
                .isEqualTo(BuiltinScenarios.load("ningbo").orElseThrow().site("liao-village").orElseThrow().grid()
                        .emissionFactor().constantTPerMwh());
        assertThat(ScenarioPatch.get(NINGBO, "tariffs[0].prices_yuan_per_kwh.peak")).isEqualTo(1.05);
    }

    @Test
    void explainsPathsThatLeadNowhere() {
        assertThat(ScenarioPatch.get(NINGBO, "sites[atlantis].grid.feed_in_price_yuan_per_kwh"))
                .isEqualTo("'sites' has no element [atlantis]");
        assertThat(ScenarioPatch.get(NINGBO, "economics.wind_yuan_per_kw")).isEqualTo("has no key 'economics'");
        assertThat(ScenarioPatch.get(NINGBO, "sites[chuanshan-port].grid.sparkle"))
                .isEqualTo("is not set in the scenario (set it to its base value there first)");
        assertThat(ScenarioPatch.get(NINGBO, "name")).asString().startsWith("is not a number");
    }

    @Test
    void addsAMissingEconomicsBlockAndKnowsItsDefaults() {
        Scenario patched = ScenarioReader.read(ScenarioPatch.set(NINGBO, "economics.wind_yuan_per_kw", 4000),
                "ningbo", null);
        assertThat(patched.economics().windYuanPerKw()).isEqualTo(4000);
        assertThat(patched.economics().pvYuanPerKw()).isEqualTo(Economics.DEFAULT.pvYuanPerKw());
        assertThat(Economics.defaultOf("wind_yuan_per_kw")).hasValue(5000);
        assertThat(Economics.defaultOf("project_years")).hasValue(25);
        assertThat(Economics.defaultOf("inflation_rate")).isEmpty();
        // shared keys report the per-asset default they set
        assertThat(Economics.defaultOf("om_fraction_per_year")).hasValue(0.015);
        assertThat(Economics.defaultOf("battery_replacement_fraction")).hasValue(0.8);
    }
}
