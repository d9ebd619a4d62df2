package org.gridtwin.physics.bus;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridtwin.model.IslandSettings;
import org.junit.jupiter.api.Test;

/**
 * The shedding decision alone, by hand: shed sheddable below SoC 0.5, priority below 0.3, restore margin 0.1,
 * restore delay 30 minutes; tiers of 10 kW each, no renewables.
 */
class TierSheddingTest {
    private final TierShedding t = new TierShedding(new IslandSettings(true, 0.1, 0.5, 0.3, 0.1, 1800, 300, 0.2,
            0.1));

    @Test
    void shedsBySocAndByPowerAndRestoresOnlyAfterTheDelayWithMargins() {
        // SoC 0.8, 100 kW available: everything carried
        assertThat(t.decide(0.8, 10, 10, 10, 0, 100, 900, true)).isZero();
        assertThat(t.level()).isEqualTo(SiteBus.SHED_NONE);
        // only 25 kW: 30 kW do not fit, the sheddable tier goes (20 kW do)
        assertThat(t.decide(0.8, 10, 10, 10, 0, 25, 900, true)).isEqualTo(SiteBus.TIER_SHED);
        assertThat(t.level()).isEqualTo(SiteBus.SHED_SHEDDABLE);
        // power back, but the tier was shed 0 s ago: 0 + 450 < 1800, stays shed
        t.elapse(900);
        assertThat(t.decide(0.8, 10, 10, 10, 0, 100, 900, true)).isZero();
        // 900 + 900 elapsed: 1800 + 450 ≥ 1800, SoC 0.8 ≥ 0.5 + 0.1, 30 ≤ 90 % of 100: restored
        t.elapse(900);
        assertThat(t.decide(0.8, 10, 10, 10, 0, 100, 900, true)).isEqualTo(SiteBus.TIER_RESTORED);
        assertThat(t.level()).isEqualTo(SiteBus.SHED_NONE);
        // SoC 0.25: below both levels at once
        assertThat(t.decide(0.25, 10, 10, 10, 0, 100, 900, true)).isEqualTo(SiteBus.TIER_SHED);
        assertThat(t.level()).isEqualTo(SiteBus.SHED_PRIORITY);
        // 0.38 after the delay: above 0.3 but not 0.3 + 0.1, priority stays shed
        t.elapse(3600);
        assertThat(t.decide(0.38, 10, 10, 10, 0, 100, 900, true)).isZero();
        // 0.45 ≥ 0.4: priority back, but not in a black start's own step
        assertThat(t.decide(0.45, 10, 10, 10, 0, 100, 900, false)).isZero();
        assertThat(t.decide(0.45, 10, 10, 10, 0, 100, 900, true)).isEqualTo(SiteBus.TIER_RESTORED);
        assertThat(t.level()).isEqualTo(SiteBus.SHED_SHEDDABLE);
        assertThat(TierShedding.carriedKw(SiteBus.SHED_SHEDDABLE, 10, 10, 10)).isEqualTo(20);
    }
}
