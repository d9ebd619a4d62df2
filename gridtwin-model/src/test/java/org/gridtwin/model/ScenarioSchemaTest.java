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
