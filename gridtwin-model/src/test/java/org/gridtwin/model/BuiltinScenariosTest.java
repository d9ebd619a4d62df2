package org.gridtwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The built-in ningbo scenario holds the published facts it is built on (docs/data-sources.md). */
class BuiltinScenariosTest {

    @Test
    void ningboHasTheThreePublishedSites() {
        Scenario s = BuiltinScenarios.load("ningbo").orElseThrow();
        assertThat(s.sites()).extracting(Site::id)
                .containsExactly("chuanshan-port", "liao-village", "meishan-ev-factory");
        Site port = s.site("chuanshan-port").orElseThrow();
        // two 6.25 MW turbines (published report)
        assertThat(port.wind()).singleElement().satisfies(w -> {
            assertThat(w.count()).isEqualTo(2);
            assertThat(w.ratedKw()).isEqualTo(6250);
        });
        assertThat(port.windRatedKw()).isEqualTo(12_500);
        // 1 MW / 2 MWh storage of the port programme (DOMAIN section 6)
        assertThat(port.battery().energyKwh()).isEqualTo(2000);
        assertThat(port.battery().dischargeKw()).isEqualTo(1000);
        assertThat(port.loads()).filteredOn(l -> l instanceof LoadSpec.CraneFleet)
                .singleElement().satisfies(l -> assertThat(((LoadSpec.CraneFleet) l).count()).isEqualTo(169));
        assertThat(s.site("liao-village").orElseThrow().loads()).singleElement()
                .satisfies(l -> assertThat(((LoadSpec.Households) l).count()).isEqualTo(362));
        assertThat(s.site("meishan-ev-factory").orElseThrow().loads()).singleElement()
                .satisfies(l -> assertThat(((LoadSpec.FactoryLine) l).taktSeconds()).isEqualTo(110));
        assertThat(port.grid().emissionFactor().constantTPerMwh()).isEqualTo(0.5703);
        assertThat(port.grid().feedInYuanPerKwh()).isEqualTo(0.4153);
    }

    @Test
    void unknownNameIsEmpty() {
        assertThat(BuiltinScenarios.load("nowhere")).isEmpty();
    }

    @Test
    void stepsParseInShortAndIsoForm() {
        assertThat(Durations.parse("15m")).hasMinutes(15);
        assertThat(Durations.parse("1h")).hasHours(1);
        assertThat(Durations.parse("PT5M")).hasMinutes(5);
        assertThat(Durations.parse("fortnight")).isNull();
        assertThat(Durations.format(java.time.Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(SimulationSettings.isValidStep(java.time.Duration.ofMinutes(7))).isFalse();
        assertThat(SimulationSettings.isValidStep(java.time.Duration.ofMinutes(1))).isTrue();
        assertThat(SimulationSettings.isValidStep(java.time.Duration.ofHours(2))).isFalse();
    }

    @Test
    void didYouMeanFindsCloseNamesOnly() {
        assertThat(DidYouMeanHint.closest("dischrge_kw", java.util.List.of("charge_kw", "discharge_kw")))
                .isEqualTo("discharge_kw");
        assertThat(DidYouMeanHint.closest("colour", java.util.List.of("charge_kw"))).isNull();
        assertThat(DidYouMeanHint.distance("kitten", "sitting")).isEqualTo(3); // the textbook example
    }
}
