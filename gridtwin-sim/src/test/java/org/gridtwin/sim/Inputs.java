package org.gridtwin.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gridtwin.model.Site;
import org.gridtwin.physics.grid.TariffSeries;
import org.gridtwin.physics.time.TimeGrid;

/** Hand-made engine inputs: series chosen by the test instead of physics. */
final class Inputs {
    /** 2024-01-01 00:00 in Shanghai, a Monday. */
    static final Instant MONDAY_MIDNIGHT = Instant.parse("2023-12-31T16:00:00Z");

    private Inputs() {
    }

    static SiteInputs of(Site site, Duration step, double[] wind, double[] pv, double[] load) {
        return of(site, step, MONDAY_MIDNIGHT, wind, pv, load);
    }

    static SiteInputs of(Site site, Duration step, Instant start, double[] wind, double[] pv, double[] load) {
        TimeGrid grid = new TimeGrid(start, step, load.length, site.timeZone());
        double[] factor = new double[load.length];
        Arrays.fill(factor, site.grid().emissionFactor().constantTPerMwh());
        return new SiteInputs(site, grid, wind, pv, load, TariffSeries.of(site.grid().tariff(), grid), factor,
                List.of());
    }

    static SiteInputs hourly(Site site, double[] pv, double[] load) {
        return of(site, Duration.ofHours(1), new double[load.length], pv, load);
    }
}
