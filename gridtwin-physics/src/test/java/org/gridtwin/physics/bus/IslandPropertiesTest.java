package org.gridtwin.physics.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.gridtwin.model.Battery;
import org.gridtwin.model.GridConnection;
import org.gridtwin.model.IslandSettings;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the island model over 10,000 random sites (battery or none, grid-forming or not, random ratings,
 * windows, shedding levels and delays) each run through a random sequence of grid and battery faults with random
 * tiered demand (the sheddable tier may regenerate) and renewables, at random step lengths. Seeded: a failure
 * names its site so it can be replayed.
 */
class IslandPropertiesTest {
    private static final int SITES = 10_000;
    private static final double EPS = 1e-6;

    @Test
    void everyStepOfEveryRandomSiteKeepsTheIslandRules() {
        SplittableRandom seeds = new SplittableRandom(20261204);
        long islandedSteps = 0;
        long restores = 0;
        long blackStarts = 0;
        for (int k = 0; k < SITES; k++) {
            long seed = seeds.nextLong();
            Counts c = runSite(seed);
            islandedSteps += c.islanded;
            restores += c.restores;
            blackStarts += c.blackStarts;
        }
        // the generator must reach the interesting states, or the invariants prove nothing
        assertThat(islandedSteps).isGreaterThan(100_000);
        assertThat(restores).isGreaterThan(1_000);
        assertThat(blackStarts).isGreaterThan(100);
    }

    private static final class Counts {
        long islanded;
        long restores;
        long blackStarts;
    }

    private static Counts runSite(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean hasBattery = r.nextDouble() < 0.9;
        double energy = 50 + r.nextDouble() * 950;
        double socMin = r.nextDouble() * 0.2;
        double socMax = 0.8 + r.nextDouble() * 0.2;
        Battery b = hasBattery ? new Battery(energy, 20 + r.nextDouble() * 500, 20 + r.nextDouble() * 500,
                0.85 + r.nextDouble() * 0.15, 0.85 + r.nextDouble() * 0.15, socMin, socMax,
                socMin + r.nextDouble() * (socMax - socMin), r.nextDouble() * 0.01) : null;
        double islandMin = socMin + r.nextDouble() * 0.2;
        double priorityAt = islandMin + r.nextDouble() * 0.2;
        double sheddableAt = priorityAt + r.nextDouble() * (socMax - priorityAt);
        IslandSettings island = new IslandSettings(hasBattery && r.nextDouble() < 0.8, islandMin, sheddableAt,
                priorityAt, r.nextDouble() * 0.2, r.nextInt(4) * 900L, r.nextInt(3) * 300L,
                islandMin + r.nextDouble() * 0.3, socMin + r.nextDouble() * 0.3);
        GridConnection grid = new GridConnection(50 + r.nextDouble() * 500, r.nextDouble() * 300, null, 0.4, null);
        SiteBus bus = new SiteBus(b, grid, island);
        double hours = new double[] {1 / 60.0, 0.25, 1}[r.nextInt(3)];
        int steps = 100 + r.nextInt(200);
        boolean gridUp = true;
        boolean batteryUp = true;
        Counts c = new Counts();
        for (int i = 0; i < steps; i++) {
            if (r.nextDouble() < 0.05) {
                gridUp = !gridUp;
            }
            if (r.nextDouble() < 0.02) {
                batteryUp = !batteryUp;
            }
            double critical = r.nextDouble() * 150;
            double priority = r.nextDouble() * 150;
            double sheddable = -50 + r.nextDouble() * 300;
            double wind = r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 300;
            double pv = r.nextDouble() < 0.5 ? 0 : r.nextDouble() * 300;
            double setpoint = -600 + r.nextDouble() * 1200;
            bus.grid(gridUp);
            bus.batteryAvailable(batteryUp);
            int levelBefore = bus.shedLevel();
            double socBefore = bus.soc();
            bus.begin(hours);
            double maxDischarge = bus.maxDischargeKw();
            double socAtBegin = bus.soc();
            bus.tiers(critical, priority);
            bus.settle(wind, pv, critical + priority + sheddable, setpoint, hours);
            String at = "site seed " + seed + ", step " + i;

            assertThat(bus.windKw() + bus.pvKw() + bus.batteryKw() + bus.gridKw() + bus.unmetKw())
                    .as(at + ": energy balance").isCloseTo(bus.loadKw(), within(EPS));
            assertThat(bus.unmetCriticalKw() + bus.unmetPriorityKw() + bus.unmetSheddableKw())
                    .as(at + ": unmet by tier").isCloseTo(bus.unmetKw(), within(EPS));
            if (b != null) {
                assertThat(bus.soc()).as(at + ": SoC window").isBetween(socMin - EPS, socMax + EPS);
            }
            if (bus.state() == IslandState.ISLANDED) {
                c.islanded++;
                assertThat(bus.soc()).as(at + ": island minimum")
                        .isGreaterThanOrEqualTo(Math.min(islandMin, socBefore) - EPS);
                assertThat(bus.gridKw()).as(at + ": an island exchanges nothing").isZero();
            }
            if (bus.state() == IslandState.CONNECTED) {
                assertThat(bus.shedLevel()).as(at + ": nothing shed on the grid").isZero();
                if (bus.unmetKw() > EPS) {
                    assertThat(bus.gridKw()).as(at + ": on the grid only the import limit leaves load unserved")
                            .isCloseTo(grid.importLimitKw(), within(EPS));
                }
            } else {
                assertThat(gridUp && (bus.transitions() & SiteBus.RESYNC) != 0).isFalse();
            }
            // shedding order: a tier goes unserved only after every less important tier is fully unserved
            if (bus.unmetCriticalKw() > EPS) {
                assertThat(bus.unmetPriorityKw()).as(at + ": priority before critical")
                        .isCloseTo(Math.max(0, priority), within(EPS));
            }
            if (bus.unmetPriorityKw() > EPS) {
                assertThat(bus.unmetSheddableKw()).as(at + ": sheddable before priority")
                        .isCloseTo(Math.max(0, sheddable), within(EPS));
            }
            if ((bus.transitions() & SiteBus.TIER_RESTORED) != 0) {
                c.restores++;
                int restored = bus.shedLevel();
                assertThat(restored).as(at + ": one tier at a time").isEqualTo(levelBefore - 1);
                double threshold = restored == SiteBus.SHED_NONE ? sheddableAt : priorityAt;
                assertThat(socAtBegin).as(at + ": restored above its level plus the margin")
                        .isGreaterThanOrEqualTo(threshold + island.restoreMarginFraction() - EPS);
                assertThat(bus.batteryKw()).as(at + ": restored with power headroom")
                        .isLessThanOrEqualTo((1 - island.restoreMarginFraction()) * maxDischarge + EPS);
                double restoredUnmet = restored == SiteBus.SHED_NONE ? bus.unmetSheddableKw() : bus.unmetPriorityKw();
                assertThat(restoredUnmet).as(at + ": a restored tier is carried in the step it returns").isZero();
            }
            if ((bus.transitions() & SiteBus.BLACK_START) != 0) {
                c.blackStarts++;
                assertThat(socAtBegin).as(at + ": black start charge")
                        .isGreaterThanOrEqualTo(island.blackStartSocFraction() - EPS);
                assertThat(bus.unmetCriticalKw()).as(at + ": black start carries the critical load").isZero();
            }
        }
        return c;
    }
}
