package org.gridtwin.physics.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.IslandSettings;
import org.junit.jupiter.api.Test;

/**
 * Islands on the bus, every number by hand. Battery 100 kWh, 100 kW both ways, lossless, SoC window 0.1..0.9; the
 * island sheds sheddable loads below SoC 0.5 and priority loads below 0.3, restores with a 0.1 margin, black-starts
 * from 0.2 and resynchronises 300 s after the grid returns.
 */
class IslandBusTest {
    private static final double KW = 1e-9;
    private static final GridConnection GRID = new GridConnection(1000, 500, null, 0.4, null);

    private static Battery battery(double socInitial) {
        return new Battery(100, 100, 100, 1, 1, 0.1, 0.9, socInitial, 0);
    }

    private static IslandSettings island(boolean forming, long restoreDelayS, double reserve) {
        return new IslandSettings(forming, 0.1, 0.5, 0.3, 0.1, restoreDelayS, 300, 0.2, reserve);
    }

    /** One step: grid state, tiers critical / priority / sheddable, renewables as PV. */
    private static void step(SiteBus bus, boolean gridUp, double pvKw, double critical, double priority,
            double sheddable, double hours) {
        bus.grid(gridUp);
        bus.begin(hours);
        bus.tiers(critical, priority);
        bus.settle(0, pvKw, critical + priority + sheddable, 0, hours);
        assertThat(bus.windKw() + bus.pvKw() + bus.batteryKw() + bus.gridKw() + bus.unmetKw())
                .as("balance").isCloseTo(bus.loadKw(), within(KW));
        assertThat(bus.unmetCriticalKw() + bus.unmetPriorityKw() + bus.unmetSheddableKw())
                .isCloseTo(bus.unmetKw(), within(KW));
    }

    @Test
    void aFourHourOutageShedsByTierAndEndsDark() {
        // SoC 0.7 = 70 kWh, 60 above the island minimum; 10 kW in each tier, no renewables, 4 h outage
        SiteBus bus = new SiteBus(battery(0.7), GRID, island(true, 0, 0.1));
        double[] unmet = new double[3];
        IslandState[] states = new IslandState[4];
        for (int h = 0; h < 4; h++) {
            step(bus, false, 0, 10, 10, 10, 1);
            unmet[0] += bus.unmetCriticalKw();
            unmet[1] += bus.unmetPriorityKw();
            unmet[2] += bus.unmetSheddableKw();
            states[h] = bus.state();
        }
        // h0: SoC 0.7 carries 30 kW → 0.4; h1: below 0.5, sheddable shed, 20 kW → 0.2; h2: below 0.3, critical
        // only, 10 kW → 0.1; h3: nothing left above the minimum: 10 kWh of critical unserved, the island ends
        assertThat(unmet[2]).isCloseTo(30, within(KW));
        assertThat(unmet[1]).isCloseTo(20, within(KW));
        assertThat(unmet[0]).isCloseTo(10, within(KW));
        assertThat(states).containsExactly(IslandState.ISLANDED, IslandState.ISLANDED, IslandState.ISLANDED,
                IslandState.BLACKOUT);
        assertThat(bus.soc()).isCloseTo(0.1, within(1e-12));
        // the grid is back: 300 s is under half an hourly step, so the site resynchronises at once
        step(bus, true, 0, 10, 10, 10, 1);
        assertThat(bus.state()).isEqualTo(IslandState.CONNECTED);
        assertThat(bus.transitions() & SiteBus.RESYNC).isNotZero();
        assertThat(bus.unmetKw()).isZero();
        assertThat(bus.gridKw()).isCloseTo(30, within(KW));
    }

    @Test
    void aTierTheBatteryCannotPowerIsShedAtOnceWhateverTheSoc() {
        SiteBus bus = new SiteBus(battery(0.9), GRID, island(true, 0, 0.1));
        step(bus, false, 0, 30, 40, 200, 1);
        // 270 kW > 100 kW: sheddable goes, 70 kW carried
        assertThat(bus.shedLevel()).isEqualTo(SiteBus.SHED_SHEDDABLE);
        assertThat(bus.batteryKw()).isCloseTo(70, within(KW));
        assertThat(bus.unmetSheddableKw()).isCloseTo(200, within(KW));
        assertThat(bus.transitions() & SiteBus.ISLANDED_NOW).isNotZero();
        assertThat(bus.transitions() & SiteBus.TIER_SHED).isNotZero();
    }

    @Test
    void aShedTierReturnsOnlyAboveItsLevelPlusTheMarginAndAfterTheDelay() {
        // SoC 0.45 < 0.5: sheddable shed at islanding; PV 60 kW charges the battery by 60 − 20 = 40 kW... the
        // sheddable tier needs SoC ≥ 0.6 and 15 min shed (restore delay 900 s at 15-minute steps = 1 step)
        SiteBus bus = new SiteBus(battery(0.45), GRID, island(true, 900, 0.1));
        step(bus, false, 60, 10, 10, 30, 0.25);
        assertThat(bus.shedLevel()).isEqualTo(SiteBus.SHED_SHEDDABLE);
        assertThat(bus.batteryKw()).isCloseTo(-40, within(KW));
        assertThat(bus.soc()).isCloseTo(0.55, within(1e-12));
        // 0.55 ≥ 0.5 but < 0.6: still shed
        step(bus, false, 60, 10, 10, 30, 0.25);
        assertThat(bus.shedLevel()).isEqualTo(SiteBus.SHED_SHEDDABLE);
        assertThat(bus.soc()).isCloseTo(0.65, within(1e-12));
        // 0.65 ≥ 0.6 and the island with it needs 50 − 60 < 0: restored, and carried in the same step
        step(bus, false, 60, 10, 10, 30, 0.25);
        assertThat(bus.shedLevel()).isEqualTo(SiteBus.SHED_NONE);
        assertThat(bus.transitions() & SiteBus.TIER_RESTORED).isNotZero();
        assertThat(bus.unmetKw()).isZero();
        assertThat(bus.batteryKw()).isCloseTo(-10, within(KW));
    }

    @Test
    void surplusTheBatteryCannotTakeIsCurtailed() {
        SiteBus bus = new SiteBus(battery(0.5), GRID, island(true, 0, 0.1));
        step(bus, false, 300, 20, 0, 0, 0.25);
        // 280 kW surplus, the battery takes 100 kW, 180 kW curtailed, nothing exported
        assertThat(bus.batteryKw()).isCloseTo(-100, within(KW));
        assertThat(bus.curtailedKw()).isCloseTo(180, within(KW));
        assertThat(bus.gridKw()).isZero();
    }

    @Test
    void withoutAGridFormingBatteryTheSiteIsDarkForTheWholeOutage() {
        SiteBus bus = new SiteBus(battery(0.9), GRID, island(false, 0, 0.1));
        step(bus, false, 50, 10, 10, 10, 1);
        assertThat(bus.state()).isEqualTo(IslandState.BLACKOUT);
        assertThat(bus.unmetKw()).isCloseTo(30, within(KW));
        assertThat(bus.pvKw()).isZero();
        assertThat(bus.curtailedKw()).isCloseTo(50, within(KW));
        assertThat(bus.soc()).isCloseTo(0.9, within(1e-12));
        step(bus, false, 50, 10, 10, 10, 1);
        assertThat(bus.transitions()).isZero();
        assertThat(bus.unmetKw()).isCloseTo(30, within(KW));
    }

    @Test
    void anOverloadTripsTheIslandAndTheBatteryBlackStartsWhenTheCriticalLoadFits() {
        SiteBus bus = new SiteBus(battery(0.9), GRID, island(true, 3600, 0.1));
        step(bus, false, 0, 150, 10, 0, 1);
        // 150 kW critical > 100 kW: dark at once, the battery keeps its charge
        assertThat(bus.state()).isEqualTo(IslandState.BLACKOUT);
        assertThat(bus.unmetCriticalKw()).isCloseTo(150, within(KW));
        assertThat(bus.soc()).isCloseTo(0.9, within(1e-12));
        step(bus, false, 0, 20, 10, 0, 1);
        // 20 kW fits: black start with the critical tier only
        assertThat(bus.transitions() & SiteBus.BLACK_START).isNotZero();
        assertThat(bus.state()).isEqualTo(IslandState.ISLANDED);
        assertThat(bus.shedLevel()).isEqualTo(SiteBus.SHED_PRIORITY);
        assertThat(bus.batteryKw()).isCloseTo(20, within(KW));
        assertThat(bus.unmetPriorityKw()).isCloseTo(10, within(KW));
        // an hour later (the restore delay) SoC 0.7 ≥ 0.3 + 0.1, and 30 kW ≤ 90 % of the 60 kW the remaining
        // 60 kWh can give for an hour: priority back
        step(bus, false, 0, 20, 10, 0, 1);
        assertThat(bus.shedLevel()).isEqualTo(SiteBus.SHED_SHEDDABLE);
        assertThat(bus.batteryKw()).isCloseTo(30, within(KW));
    }

    @Test
    void resynchronisationWaitsThreeHundredSecondsOfGridAtOneMinuteSteps() {
        SiteBus bus = new SiteBus(battery(0.9), GRID, island(true, 0, 0.1));
        double h = 1 / 60.0;
        step(bus, false, 0, 10, 0, 0, h);
        int islandedAfterReturn = 0;
        for (int m = 0; m < 10 && bus.state() != IslandState.CONNECTED; m++) {
            step(bus, true, 0, 10, 0, 0, h);
            if (bus.state() == IslandState.ISLANDED) {
                islandedAfterReturn++;
            }
        }
        // minutes 0..4 after the return still islanded (0, 60, 120, 180, 240 s), minute 5 reconnects
        assertThat(islandedAfterReturn).isEqualTo(5);
        assertThat(bus.state()).isEqualTo(IslandState.CONNECTED);
    }

    @Test
    void onTheGridTheBatteryKeepsTheReserve() {
        // reserve 0.4: from SoC 0.5 only 10 kWh may be discharged in an hour, though 100 kW are asked
        SiteBus bus = new SiteBus(battery(0.5), GRID, island(true, 0, 0.4));
        bus.begin(1);
        assertThat(bus.maxDischargeKw()).isCloseTo(10, within(KW));
        bus.settle(0, 0, 100, 100, 1);
        assertThat(bus.batteryKw()).isCloseTo(10, within(KW));
        assertThat(bus.soc()).isCloseTo(0.4, within(1e-12));
        // in an island the reserve is what it is for: down to the island minimum 0.1
        bus.grid(false);
        bus.begin(1);
        assertThat(bus.maxDischargeKw()).isCloseTo(30, within(KW));
    }

    @Test
    void anUnavailableBatteryCannotHoldTheIsland() {
        SiteBus bus = new SiteBus(battery(0.9), GRID, island(true, 0, 0.1));
        bus.batteryAvailable(false);
        step(bus, true, 0, 10, 0, 0, 1);
        assertThat(bus.batteryKw()).isZero();
        assertThat(bus.gridKw()).isCloseTo(10, within(KW));
        step(bus, false, 0, 10, 0, 0, 1);
        assertThat(bus.state()).isEqualTo(IslandState.BLACKOUT);
    }
}
