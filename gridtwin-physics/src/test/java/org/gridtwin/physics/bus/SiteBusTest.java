package org.gridtwin.physics.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.model.GridConnection;
import org.junit.jupiter.api.Test;

/** The bus's renewable limits, on a site without a battery: import ≤ 1000 kW, export ≤ 100 kW. Numbers by hand. */
class SiteBusTest {
    private static final double KW = 1e-9;
    private final SiteBus bus = new SiteBus(null, new GridConnection(1000, 100, null, 0.4, null));

    @Test
    void limitsCapEachPlantBeforeTheExportLimitCurtailsTheRest() {
        // wind 300 capped at 250, PV 200 capped at 50: 200 kW cut at the limits; then 300 − 100 load = 200 kW
        // surplus, 100 beyond the export limit, cut in proportion (share 1 − 100/300 = 2/3): wind 166.67, PV 33.33
        bus.begin(1);
        bus.limitRenewables(250, 50);
        bus.settle(300, 200, 100, 0, 1);
        assertThat(bus.windKw()).isCloseTo(250 * 2 / 3.0, within(KW));
        assertThat(bus.pvKw()).isCloseTo(50 * 2 / 3.0, within(KW));
        assertThat(bus.gridKw()).isCloseTo(-100, within(KW));
        assertThat(bus.curtailedKw()).isCloseTo(300, within(KW));
        assertThat(bus.windKw() + bus.pvKw() + bus.curtailedKw()).isCloseTo(500, within(KW));
    }

    @Test
    void aLimitAboveTheAvailablePowerCostsNothingAndLastsOneInterval() {
        bus.begin(1);
        bus.limitRenewables(400, 400);
        bus.settle(300, 50, 400, 0, 1);
        assertThat(bus.curtailedKw()).isZero();
        assertThat(bus.gridKw()).isCloseTo(50, within(KW));
        // the next interval begins without a limit
        bus.begin(1);
        bus.settle(300, 50, 400, 0, 1);
        assertThat(bus.windKw()).isEqualTo(300);
        bus.begin(1);
        bus.limitRenewables(0, 0);
        bus.settle(300, 50, 400, 0, 1);
        assertThat(bus.windKw()).isZero();
        assertThat(bus.gridKw()).isCloseTo(400, within(KW));
        assertThat(bus.curtailedKw()).isCloseTo(350, within(KW));
    }

    @Test
    void nanMeansNoLimitAndANegativeLimitMeansZero() {
        bus.begin(1);
        bus.limitRenewables(Double.NaN, -5);
        bus.settle(80, 40, 100, 0, 1);
        assertThat(bus.windKw()).isEqualTo(80);
        assertThat(bus.pvKw()).isZero();
        assertThat(bus.curtailedKw()).isCloseTo(40, within(KW));
        assertThat(bus.gridKw()).isCloseTo(20, within(KW));
    }
}
