package org.gridtwin.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CycleTimesTest {
    /** 1..100 ms: the median of 100 values is the 51st (index 50), the p99 the 100th (index 99). */
    @Test
    void summariesOfAllAndOfTheCyclesSinceAMark() {
        CycleTimes t = new CycleTimes();
        assertThat(t.latest()).isEqualTo(new CycleTimes.Summary(0, 0, 0, 0));
        for (int ms = 1; ms <= 100; ms++) {
            t.record(ms * 1_000_000L);
        }
        assertThat(t.latest()).isEqualTo(new CycleTimes.Summary(100, 51, 100, 100));
        long mark = t.recorded();
        t.record(7_000_000L);
        t.record(3_000_000L);
        // two cycles: the median is the upper one of the pair, index 1 of [3, 7]
        assertThat(t.since(mark)).isEqualTo(new CycleTimes.Summary(2, 7, 7, 7));
    }

    /** Past the ring's size only the latest KEPT cycles count, and a mark older than the ring means all of them. */
    @Test
    void theRingKeepsTheLatestCycles() {
        CycleTimes t = new CycleTimes();
        for (int i = 0; i < CycleTimes.KEPT; i++) {
            t.record(1_000_000_000L);
        }
        for (int i = 0; i < CycleTimes.KEPT; i++) {
            t.record(2_000_000L);
        }
        assertThat(t.since(5)).isEqualTo(new CycleTimes.Summary(CycleTimes.KEPT, 2, 2, 2));
    }
}
