package org.gridtwin.sim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as a person reads them in a report: thousands separated, no digits that mean nothing (no
 * {@code 20.000000000000004}, no {@code 40,000,000.0}), a dash for a value that does not exist.
 */
final class People {
    private People() {
    }

    /**
     * At or above 100, whole units with separators ({@code 40,000,000}); below, three significant digits without
     * trailing zeros ({@code 5}, {@code 5.02}, {@code 0.571}, {@code 0.000123}).
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v == 0 ? 0.0 : v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A fixed number of decimals with separators, for columns that line up ({@code 12,345.6}). */
    static String fixed(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v == 0 ? 0.0 : v); // no "-0"
    }

    /** A share as a percentage with one decimal ({@code 57.4 %}). */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : fixed(fraction * 100, 1) + " %";
    }
}
