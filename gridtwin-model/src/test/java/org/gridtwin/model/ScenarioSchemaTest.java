package org.gridtwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Schema shipped in the jar must accept every built-in scenario and reject structural mistakes. */
class ScenarioSchemaTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Schema schema() throws Exception {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/org/gridtwin/scenario.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static JsonNode yamlToJson(String yaml) {
        Object data = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return MAPPER.valueToTree(data);
    }

    @Test
    void everyBuiltinScenarioConformsToTheSchema() throws Exception {
        Schema schema = schema();
        for (String name : BuiltinScenarios.names()) {
            List<Error> errors = schema.validate(yamlToJson(BuiltinScenarios.text(name).orElseThrow()));
            assertThat(errors).as(name).isEmpty();
        }
    }

    @Test
    void schemaAcceptsTheNewerKeysTheReaderAccepts() throws Exception {
        String yaml = BuiltinScenarios.text("ningbo").orElseThrow()
                .replace("      strategy: self-consumption\n", "      strategy: mpc\n      demand_charge_yuan_per_kw_month: 40\n")
                .replace("        system_loss_fraction: 0.14\n        temperature_coefficient_per_c: -0.0037\n    battery:",
                        "        system_loss_fraction: 0.14\n        temperature_coefficient_per_c: -0.0037\n"
                                + "        models: {transposition: perez, iam: physical}\n"
                                + "        mounting: {type: single_axis}\n    battery:");
        assertThat(yaml).contains("strategy: mpc").contains("transposition: perez");
        assertThat(org.gridtwin.model.yaml.ScenarioReader.read(yaml, "n.yaml", null).sites()).hasSize(3);
        assertThat(schema().validate(yamlToJson(yaml))).isEmpty();
    }

    @Test
    void schemaAndReaderAgreeOnTheResilienceBlocks() throws Exception {
        String yaml = BuiltinScenarios.text("ningbo").orElseThrow().replace("      grid_forming: true\n",
                "      grid_forming: true\n      reserve_soc_fraction: 0.3\n      resync_delay: 10m\n"
                        + "    events:\n      grid_outages: [{start: \"2024-07-15 14:00\", duration: 4h}]\n"
                        + "      random_grid_outages: {saifi_per_year: 1.5, saidi_hours_per_year: 3}\n"
                        + "      forced_outages: [{asset: chuanshan-wt, per_year: 2, mean_time_to_repair: 72h}]\n"
                        + "      battery_unavailable: [{start: \"2024-03-01 00:00\", duration: 48h}]\n"
                        + "      comm_loss: [{device: battery, start: \"2024-05-01 10:00\", duration: 10m}]\n"
                        + "      sensor_faults: [{quantity: load_kw, mode: stuck, start: \"2024-05-02 10:00\", "
                        + "duration: 30m}]\n");
        assertThat(yaml).contains("forced_outages");
        Site port = org.gridtwin.model.yaml.ScenarioReader.read(yaml, "n.yaml", null).sites().get(0);
        assertThat(port.resilience().island().reserveSocFraction()).isEqualTo(0.3);
        assertThat(port.resilience().island().resyncDelaySeconds()).isEqualTo(600);
        assertThat(port.resilience().events().forcedOutages()).hasSize(1);
        assertThat(port.resilience().events().measurementFaults()).extracting(FaultEvents.MeasurementFault::mode)
                .containsExactly(FaultEvents.FaultMode.LOST, FaultEvents.FaultMode.STUCK);
        assertThat(port.resilience().events().gridOutages().get(0).start())
                .isEqualTo(java.time.Instant.parse("2024-07-15T06:00:00Z"));
        assertThat(port.resilience().tierOf(port.loads().get(1), "offices")).isEqualTo(LoadTier.PRIORITY);
        assertThat(port.resilience().tierOf(port.loads().get(0), "")).isEqualTo(LoadTier.SHEDDABLE);
        assertThat(schema().validate(yamlToJson(yaml))).isEmpty();
        String typo = yaml.replace("saidi_hours_per_year", "saidi_hours");
        assertThat(schema().validate(yamlToJson(typo))).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> org.gridtwin.model.yaml.ScenarioReader.read(typo, "n.yaml", null))
                .hasMessageContaining("saidi_hours");
    }

    @Test
    void schemaAndReaderAgreeOnTheEconomicsBlock() throws Exception {
        String base = BuiltinScenarios.text("ningbo").orElseThrow();
        String good = base + "economics:\n  project_years: 20\n  real_discount_rate: 0.05\n  pv_yuan_per_kw: 3000\n"
                + "  battery_cycle_life: 5000\n  subsidy_yuan_per_kwh: 0.03\n";
        assertThat(org.gridtwin.model.yaml.ScenarioReader.read(good, "n.yaml", null).economics().projectYears())
                .isEqualTo(20);
        assertThat(schema().validate(yamlToJson(good))).isEmpty();
        // A misspelt key must fail in both places rather than silently falling back to a default.
        String typo = base + "economics:\n  pv_yuan_per_kwp: 3000\n";
        assertThat(schema().validate(yamlToJson(typo))).extracting(e -> e.getInstanceLocation().toString())
                .anySatisfy(loc -> assertThat(loc).contains("economics"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> org.gridtwin.model.yaml.ScenarioReader.read(typo, "n.yaml", null))
                .hasMessageContaining("pv_yuan_per_kwp");
    }

    @Test
    void schemaRejectsUnknownKeysAndWrongTypes() throws Exception {
        String yaml = BuiltinScenarios.text("ningbo").orElseThrow()
                .replace("      energy_kwh: 2000", "      capacity_kwh: 2000")
                .replace("rated_kw: 6250", "rated_kw: big");
        List<Error> errors = schema().validate(yamlToJson(yaml));
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                .anySatisfy(loc -> assertThat(loc).contains("battery"))
                .anySatisfy(loc -> assertThat(loc).contains("rated_kw"));
    }
}
