package org.gridtwin.physics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.gridtwin.model.ProfileSeries;
import org.gridtwin.physics.grid.TypicalYearSeries;
import org.gridtwin.physics.time.TimeGrid;
import org.gridtwin.testkit.Sites;
import org.junit.jupiter.api.Test;

class TypicalYearSeriesTest {

    static ProfileSeries ramp(int intervalMinutes) {
        double[] v = new double[365 * 1440 / intervalMinutes];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return new ProfileSeries(v, intervalMinutes, "ramp");
    }

    @Test
    void finerProfilesAreAveragedOverTheStep() {
        TimeGrid hours = TimeGrid.ofDates(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2), Duration.ofHours(1),
                Sites.SHANGHAI);
        double[] v = TypicalYearSeries.onto(ramp(15), hours);
        // hour 0 covers quarter-hours 0..3: mean 1.5; hour 5 covers 20..23: mean 21.5
        assertThat(v[0]).isEqualTo(1.5);
        assertThat(v[5]).isEqualTo(21.5);
    }

    @Test
    void coarserProfilesAreHeldOverTheirInterval() {
        TimeGrid quarters = TimeGrid.ofDates(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 2),
                Duration.ofMinutes(15), Sites.SHANGHAI);
        double[] v = TypicalYearSeries.onto(ramp(60), quarters);
        // March 1 00:00 is hour 59 × 24 = 1416 of the typical year; its four quarter-hours hold that value
        assertThat(v).startsWith(1416, 1416, 1416, 1416, 1417);
    }
}
