package org.gridtwin.model.yaml;

import java.util.function.DoublePredicate;

/** A physical-validity rule for one number, with the sentence shown when it fails. */
public record NumberRule(String text, DoublePredicate test) {
    public static final NumberRule FINITE = new NumberRule("must be a finite number", v -> true);
    public static final NumberRule POSITIVE = new NumberRule("must be > 0", v -> v > 0);
    public static final NumberRule NON_NEGATIVE = new NumberRule("must be >= 0", v -> v >= 0);
    /** Efficiencies and availabilities: a device that converts nothing, or more than it gets, is impossible. */
    public static final NumberRule EFFICIENCY = new NumberRule("must be in (0, 1]", v -> v > 0 && v <= 1);
    public static final NumberRule FRACTION = new NumberRule("must be in [0, 1]", v -> v >= 0 && v <= 1);
    /** Losses and shares that may be zero but must leave something. */
    public static final NumberRule FRACTION_BELOW_ONE = new NumberRule("must be in [0, 1)", v -> v >= 0 && v < 1);

    public static NumberRule range(double minInclusive, double maxInclusive) {
        return new NumberRule("must be in [" + fmt(minInclusive) + ", " + fmt(maxInclusive) + "]",
                v -> v >= minInclusive && v <= maxInclusive);
    }

    /** (0, max], for quantities that must exist and have a plausible size (class {@code Plausible}). */
    public static NumberRule positiveUpTo(double maxInclusive, String unit) {
        return new NumberRule("must be in (0, " + fmt(maxInclusive) + "]" + (unit.isEmpty() ? "" : " " + unit),
                v -> v > 0 && v <= maxInclusive);
    }

    /** [0, max]. */
    public static NumberRule upTo(double maxInclusive, String unit) {
        return new NumberRule("must be in [0, " + fmt(maxInclusive) + "]" + (unit.isEmpty() ? "" : " " + unit),
                v -> v >= 0 && v <= maxInclusive);
    }

    public static NumberRule atLeast(double minInclusive) {
        return new NumberRule("must be >= " + fmt(minInclusive), v -> v >= minInclusive);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
