package org.gridtwin.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridtwin.model.yaml.ScenarioReaderTest.messages;
import static org.gridtwin.model.yaml.ScenarioReaderTest.minimal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridtwin.model.InvalidInputException;
import org.gridtwin.model.Problem;
import org.gridtwin.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that is valid YAML in form but not in meaning, or built to hurt the reader: every case ends in located
 * problems (or, for a legitimate file, a scenario), never in an exception from the YAML library or the JVM.
 */
class HostileYamlTest {

    @Test
    void aDuplicateKeyIsAnErrorNamingBothPlaces() {
        // energy_kwh given twice in the battery (lines 17 and 18 after the insert); the missing key of a mapping is
        // reported at the mapping's first key
        String yaml = minimal().replace("      energy_kwh: 200\n", "      energy_kwh: 2000\n      energy_kwh: 5\n");
        assertThat(messages(yaml)).containsExactly(
                "test.yaml:18:7: sites[0].battery.energy_kwh is given twice: here and at line 17, column 7; keep one");
    }

    @Test
    void duplicateKeysInFlowMappingsAndAtTheTopLevelToo() {
        String flow = minimal().replace("prices_yuan_per_kwh: {flat: 0.7}", "prices_yuan_per_kwh: {flat: 0.7, flat: 0.9}");
        assertThat(messages(flow)).singleElement().asString()
                .isEqualTo("test.yaml:33:38: tariffs[0].prices_yuan_per_kwh.flat is given twice: here and at line "
                        + "33, column 27; keep one");
        assertThat(messages(minimal() + "name: again\n")).singleElement().asString()
                .isEqualTo("test.yaml:39:1: name is given twice: here and at line 1, column 1; keep one");
    }

    @Test
    void thousandsOfNestedBracketsAreRefusedWithoutOverflowingTheStack() {
        String deep = "name: x\nsites: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertThat(messages(deep)).singleElement().asString()
                .isEqualTo("test.yaml:2:71: (document) nests deeper than 64 levels of lists and mappings; a scenario "
                        + "needs fewer than ten");
    }

    @Test
    void aFleetSharingOneWeatherAnchorIsReadWhateverItsSize() {
        // 300 sites, each a copy of the minimal site with its own id, all sharing the first site's weather by alias
        String site = minimal().substring(minimal().indexOf("  - id: site-a"), minimal().indexOf("tariffs:"));
        StringBuilder yaml = new StringBuilder("name: fleet\nsites:\n");
        for (int i = 0; i < 300; i++) {
            String s = site.replace("id: site-a", "id: site-" + i);
            s = i == 0 ? s.replace("    weather:\n", "    weather: &coast\n")
                    : s.replaceAll("(?s)    weather:\n.*?    pv:\n", "    weather: *coast\n    pv:\n");
            yaml.append(s);
        }
        yaml.append(minimal().substring(minimal().indexOf("tariffs:")));
        Scenario sc = ScenarioReader.read(yaml.toString(), "fleet.yaml", null);
        assertThat(sc.sites()).hasSize(300);
        assertThat(sc.sites().get(299).weather()).isEqualTo(sc.sites().get(0).weather());
    }

    @Test
    void anAliasBombIsRefusedBeforeAnythingExpandsIt() {
        // nine levels of nine aliases: 9^9 = 387 million values if expanded
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                bomb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        List<String> m = messages(bomb.toString());
        assertThat(m).singleElement().asString().startsWith("test.yaml:").contains(
                "(document) expands through its aliases to more than 2000000 values");
    }

    @Test
    void anAliasThatContainsItselfIsRefused() {
        assertThat(messages("name: x\nsites: &s [*s]\n")).singleElement().asString()
                .contains("(document) refers to itself through an alias");
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLineAndColumnOfItsFirstBadByte(@TempDir Path dir) throws IOException {
        // "Zhōushān" saved as Latin-1 cannot hold ō; an editor wrote 0xE9 (é) into the description on line 2
        byte[] head = "name: minimal\ndescription: caf".getBytes(StandardCharsets.US_ASCII);
        byte[] rest = minimal().substring("name: minimal\n".length()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9;
        all[head.length + 1] = '\n';
        System.arraycopy(rest, 0, all, head.length + 2, rest.length);
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, all);
        try {
            ScenarioReader.read(file);
            throw new AssertionError("expected an error");
        } catch (InvalidInputException e) {
            assertThat(e.problems()).extracting(Problem::message).containsExactly(file + ":2:17: (file) is not "
                    + "UTF-8 text: the byte here does not start or continue a character (save the file as UTF-8)");
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.writeString(file, "\uFEFF" + minimal(), StandardCharsets.UTF_8);
        assertThat(ScenarioReader.read(file).name()).isEqualTo("minimal");
    }

    @Test
    void requiredListsThatAreMissingAreReportedNotReadAsEmpty() {
        assertThat(messages(minimal().replace("        wind_mean_m_per_s: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]\n",
                ""))).containsExactly("test.yaml:9:9: sites[0].weather.synthetic.wind_mean_m_per_s is required "
                        + "(12 numbers)");
        assertThat(messages(minimal().replace("        hourly_weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, "
                + "1, 1, 1, 1, 1, 1, 1, 1]\n", ""))).containsExactly(
                        "test.yaml:27:9: sites[0].loads[0].hourly_weights is required (24 numbers)");
        String noLoads = minimal().replaceAll("(?s)    loads:\n.*?tariffs:", "tariffs:");
        assertThat(messages(noLoads)).containsExactly("test.yaml:3:5: sites[0].loads is required (a list)");
        String cranes = minimal().replace("        type: profile\n        annual_kwh: 100000\n"
                + "        hourly_weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n",
                "        type: crane_fleet\n        count: 2\n        kwh_per_move: 3\n        peak_kw_per_crane: 400\n");
        assertThat(messages(cranes)).containsExactly(
                "test.yaml:27:9: sites[0].loads[0].moves_per_hour is required (24 numbers)");
    }
}
