package org.gridtwin.store;

/** The rollups a store keeps besides raw samples; buckets are aligned to UTC multiples of their length. */
public enum Resolution {
    MINUTE(60), QUARTER_HOUR(900), HOUR(3600), DAY(86_400);

    private final int seconds;

    Resolution(int seconds) {
        this.seconds = seconds;
    }

    public int seconds() {
        return seconds;
    }
}
