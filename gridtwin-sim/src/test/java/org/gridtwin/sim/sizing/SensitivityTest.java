package org.gridtwin.sim.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    static SizingRow best(double npc) {
        return new SizingRow(new SearchSpace.Config(100, 0, 50, 0, 200), npc, 0.3, 0.5, 10, true, "", 1, true);
    }

    @Test
    void tornadoBarsSpanEachInputsCasesWidestFirst() {
        // discount rate swings 80..130 (50), capex 95..110 (15); the tariff's only case is infeasible
        List<Sensitivity.Case> cases = List.of(new Sensitivity.Case("capex", 4000, 5000, best(95), 3),
                new Sensitivity.Case("capex", 6000, 5000, best(110), 3),
                new Sensitivity.Case("rate", 0.04, 0.06, best(80), 3),
                new Sensitivity.Case("rate", 0.08, 0.06, best(130), 3),
                new Sensitivity.Case("tariff", 2.0, 1.0, null, 0));
        List<Sensitivity.Bar> bars = Sensitivity.tornado(cases);
        assertThat(bars).containsExactly(new Sensitivity.Bar("rate", 80, 130), new Sensitivity.Bar("capex", 95, 110));
    }

    @Test
    void changeIsRelativeToTheScenariosValue() {
        // 0.45 against the 0.5703 t/MWh East China factor: 0.45 / 0.5703 - 1 = -21.094 %
        assertThat(new Sensitivity.Case("f", 0.45, 0.5703, null, 0).changePercent()).isCloseTo(-21.094,
                within(0.001));
        assertThat(new Sensitivity.Case("f", 1, 0, null, 0).changePercent()).isNaN();
    }
}
