package org.gridtwin.testkit;

/** Named tolerances for assertions, so every test says which kind of closeness it claims. */
public final class Tolerances {
    /** Power balance and limits: floating-point dust on kW values of up to ~10^5. */
    public static final double DELTA_KW = 1e-6;
    /** Energy computed by hand from a few steps. */
    public static final double DELTA_KWH = 1e-6;
    /** Money computed by hand. */
    public static final double DELTA_YUAN = 1e-6;
    /** Values whose reference was worked out by hand to four significant digits. */
    public static final double HAND_4_DIGITS = 5e-4;

    private Tolerances() {
    }
}
