package org.gridtwin.ems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.dispatch.Setpoints;
import org.junit.jupiter.api.Test;

/** The export guard's arithmetic, by hand: export ≤ 200 kW, wind rated 600 kW, PV 400 kW. */
class ExportGuardTest {
    private static final double KW = 1e-9;
    private final ExportGuard guard = new ExportGuard(200, 600, 400);
    private final Setpoints out = new Setpoints();

    @Test
    void theCapIsExportLimitPlusLoadMinusBatterySplitByRating() {
        // cap 200 + 300 − 0 = 500 kW: shares 300 (wind) and 200 (PV); both producing above them keep their shares
        assertThat(guard.limit(550, 380, 300, 0, out)).isEqualTo(500);
        assertThat(out.windLimitKw()).isCloseTo(300, within(KW));
        assertThat(out.pvLimitKw()).isCloseTo(200, within(KW));
    }

    @Test
    void aPlantBelowItsShareLeavesTheRestToTheOther() {
        // cap 500; the turbines make 100 of their 300: PV may have 200 + 200 = 400, its whole rating, so it is not
        // limited at all; wind keeps its 300 (PV is above its share, so it leaves nothing)
        guard.limit(100, 380, 300, 0, out);
        assertThat(out.pvLimitKw()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(out.windLimitKw()).isCloseTo(300, within(KW));
        // the turbines make 250: PV may have 200 + 50 = 250
        Setpoints next = new Setpoints();
        guard.limit(250, 380, 300, 0, next);
        assertThat(next.pvLimitKw()).isCloseTo(250, within(KW));
        assertThat(next.windLimitKw()).isCloseTo(300, within(KW));
    }

    @Test
    void chargingRaisesTheCapAndNothingIsLimitedAboveTheRatings() {
        // charging 600 kW: cap 200 + 300 + 600 = 1100 ≥ 1000 kW of plants: no limit
        assertThat(guard.limit(550, 380, 300, -600, out)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(out.limitsRenewables()).isFalse();
        // discharging 400 kW into a 100 kW load: cap max(0, 200 + 100 − 400) = 0
        guard.limit(550, 380, 100, 400, out);
        assertThat(out.windLimitKw()).isZero();
        assertThat(out.pvLimitKw()).isZero();
    }

    @Test
    void neverRaisesALimitTheStrategySet() {
        out.limitRenewables(50, Double.POSITIVE_INFINITY);
        guard.limit(550, 380, 300, 0, out);
        assertThat(out.windLimitKw()).isEqualTo(50);
        assertThat(out.pvLimitKw()).isCloseTo(200, within(KW));
    }

    @Test
    void dischargeIntoASurplusBeyondTheLimitIsReducedFirst() {
        // 550 + 380 − 300 load = 630 surplus already beyond 200: a 300 kW discharge goes to 0, not below
        assertThat(guard.batteryKw(550, 380, 300, 300)).isZero();
        // 100 + 50 − 300 = −150: a 300 kW discharge makes 150 kW export, within the limit: kept
        assertThat(guard.batteryKw(100, 50, 300, 300)).isEqualTo(300);
        // 100 + 50 + 400 − 300 = 250 kW export: 50 beyond, discharge 350
        assertThat(guard.batteryKw(100, 50, 300, 400)).isCloseTo(350, within(KW));
        assertThat(guard.batteryKw(550, 380, 300, -100)).isEqualTo(-100);
    }

    @Test
    void theSafeStateAssumesNoLoad() {
        // wind + PV at most the 200 kW export limit, by rating: 120 and 80
        assertThat(guard.safeLimits(out)).isTrue();
        assertThat(out.windLimitKw()).isCloseTo(120, within(KW));
        assertThat(out.pvLimitKw()).isCloseTo(80, within(KW));
        Setpoints none = new Setpoints();
        assertThat(new ExportGuard(2000, 600, 400).safeLimits(none)).isFalse();
        assertThat(none.limitsRenewables()).isFalse();
    }

    @Test
    void aSiteWithoutWindGivesThePvTheWholeCap() {
        ExportGuard pvOnly = new ExportGuard(150, 0, 550);
        pvOnly.limit(0, 500, 120, 0, out);
        assertThat(out.pvLimitKw()).isCloseTo(270, within(KW));
        assertThat(out.windLimitKw()).isZero();
        assertThatThrownBy(() -> new ExportGuard(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
