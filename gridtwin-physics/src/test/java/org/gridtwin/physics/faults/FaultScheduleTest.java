package org.gridtwin.physics.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gridtwin.model.FaultEvents;
import org.gridtwin.model.Resilience;
import org.gridtwin.model.Site;
import org.gridtwin.model.WindFarm;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

/** Faults on the time grid: fixed windows by hand, random ones against the rates they are drawn from. */
class FaultScheduleTest {
    private static final TimeGrid YEAR_15M = TimeGrid.ofDates(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1),
            Duration.ofMinutes(15), Sites.SHANGHAI);

    private static Site with(Site s, FaultEvents ev) {
        return s.withResilience(new Resilience(s.resilience().island(), java.util.Map.of(), ev));
    }

    @Test
    void aWindowCoversEveryStepItTouches() {
        // 00:10 .. 00:50 local touches the steps starting 00:00, 00:15, 00:30, 00:45
        Instant from = YEAR_15M.start().plusSeconds(600);
        Site s = with(Sites.oneBusPvBattery(), new FaultEvents(List.of(new FaultEvents.Window(from, 2400)), null,
                List.of(), List.of(new FaultEvents.Window(YEAR_15M.start().plusSeconds(3600), 900)), 1));
        FaultSchedule f = FaultSchedule.of(s, YEAR_15M);
        assertThat(f.gridDownSteps(f.gridUp().length)).isEqualTo(4);
        assertThat(f.gridUp()[3]).isFalse();
        assertThat(f.gridUp()[4]).isTrue();
        assertThat(f.gridOutages()).containsExactly(new FaultSchedule.StepRange(0, 4));
        // the battery window is exactly one step, 01:00 .. 01:15
        assertThat(f.batteryUp()[4]).isFalse();
        assertThat(f.batteryUp()[5]).isTrue();
    }

    @Test
    void randomOutagesFollowSaifiAndSaidi() {
        // SAIFI 2 a year, SAIDI 4 h a year: 2 outages of 2 h on average. Over 400 seeded years the mean count must
        // be 2 (standard error sqrt(2/400) = 0.07) and the mean downtime 4 h plus the rounding out to whole steps
        // (up to a step at each end, 0.25 h on average per outage: 4.5 h)
        int years = 400;
        double outages = 0;
        double downHours = 0;
        for (int y = 0; y < years; y++) {
            Site s = with(Sites.oneBusPvBattery(), new FaultEvents(List.of(), new FaultEvents.RandomOutages(2, 4),
                    List.of(), List.of(), 1000 + y));
            FaultSchedule f = FaultSchedule.of(s, YEAR_15M);
            outages += f.gridOutages().size();
            downHours += f.gridDownSteps(f.gridUp().length) * 0.25;
        }
        assertThat(outages / years).isCloseTo(2, within(0.25));
        assertThat(downHours / years).isCloseTo(4.5, within(0.6));
    }

    @Test
    void forcedOutagesLeaveTheTwoStateModelsAvailability() {
        // λ = 4 a year, MTTR 72 h: unavailability λ·MTTR / (1 + λ·MTTR) = 0.03288 / 1.03288 = 0.0318 (Billinton &
        // Allan), a little less in a year that starts with every turbine running, a little more from rounding
        WindFarm farm = new WindFarm("wt", 3, 2000, 100, 0.14, 3, 25, 1, List.of(), null);
        Site base = Sites.oneBusPvBattery();
        Site site = new Site(base.id(), base.name(), base.timeZone(), base.latitudeDeg(), base.longitudeDeg(),
                base.weather(), List.of(farm), base.pv(), base.battery(), base.grid(), base.loads(), base.dispatch());
        double down = 0;
        int years = 200;
        for (int y = 0; y < years; y++) {
            FaultSchedule f = FaultSchedule.of(with(site, new FaultEvents(List.of(), null,
                    List.of(new FaultEvents.ForcedOutage("wt", 4, 72)), List.of(), 7 + y)), YEAR_15M);
            double[] up = f.assetUpShare().get("wt");
            double sum = 0;
            for (double u : up) {
                // whole turbines: shares of 0, 1/3, 2/3 or 1
                assertThat(u * 3).isCloseTo(Math.rint(u * 3), within(1e-9));
                sum += 1 - u;
            }
            down += sum / up.length;
        }
        assertThat(down / years).isCloseTo(0.0318, within(0.005));
    }

    @Test
    void theSameSeedDrawsTheSameFaults() {
        FaultEvents ev = new FaultEvents(List.of(), new FaultEvents.RandomOutages(5, 10), List.of(), List.of(), 42);
        FaultSchedule a = FaultSchedule.of(with(Sites.oneBusPvBattery(), ev), YEAR_15M);
        FaultSchedule b = FaultSchedule.of(with(Sites.oneBusPvBattery(), ev), YEAR_15M);
        assertThat(a.gridUp()).isEqualTo(b.gridUp());
        assertThat(a.gridOutages()).isNotEmpty();
    }
}
