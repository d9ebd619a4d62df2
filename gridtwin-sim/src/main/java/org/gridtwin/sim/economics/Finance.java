package org.gridtwin.sim.economics;

/**
 * Discounting arithmetic of project economics, with HOMER's definitions where HOMER defines them (HOMER Pro user
 * manual, "Capital recovery factor", "Real discount rate", "Salvage value", "Net present cost"). Rates are per year
 * as fractions (0.08 = 8 %); years are whole project years, cash flows at the end of each year, year 0 at once.
 */
public final class Finance {
    private Finance() {
    }

    /**
     * Capital recovery factor {@code i (1 + i)^N / ((1 + i)^N − 1)}: the annual payment that repays 1 yuan over
     * N years at rate i; 1/N at a zero rate.
     */
    public static double crf(double rate, int years) {
        if (years <= 0) {
            throw new IllegalArgumentException("a project needs at least one year, got " + years);
        }
        if (Math.abs(rate) < 1e-12) {
            return 1.0 / years;
        }
        double g = Math.pow(1 + rate, years);
        return rate * g / (g - 1);
    }

    /** Present value of 1 yuan paid at the end of {@code year}: {@code 1 / (1 + i)^year}. */
    public static double discountFactor(double rate, int year) {
        return 1 / Math.pow(1 + rate, year);
    }

    /** The real discount rate from the nominal rate and inflation: {@code (i' − f) / (1 + f)} (HOMER). */
    public static double realRate(double nominalRate, double inflation) {
        return (nominalRate - inflation) / (1 + inflation);
    }

    /** Net present value of cash flows, index = year (index 0 undiscounted). */
    public static double npv(double rate, double[] cashFlows) {
        double s = 0;
        for (int y = 0; y < cashFlows.length; y++) {
            s += cashFlows[y] * discountFactor(rate, y);
        }
        return s;
    }

    /**
     * Internal rate of return: the rate at which the NPV of the cash flows is zero, found by bisection between
     * −99 % and 1000 %; NaN when the NPV does not change sign there (e.g. savings never repay the investment).
     */
    public static double irr(double[] cashFlows) {
        double lo = -0.99;
        double hi = 10;
        double fLo = npv(lo, cashFlows);
        double fHi = npv(hi, cashFlows);
        if (Double.isNaN(fLo) || Double.isNaN(fHi) || Math.signum(fLo) == Math.signum(fHi)) {
            return Double.NaN;
        }
        for (int k = 0; k < 200; k++) {
            double mid = (lo + hi) / 2;
            double f = npv(mid, cashFlows);
            if (Math.signum(f) == Math.signum(fLo)) {
                lo = mid;
                fLo = f;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * Years until the cumulative (optionally discounted) cash flow turns non-negative, interpolated linearly inside
     * the year it happens; NaN if it never does within the flows.
     *
     * @param rate 0 for the simple payback, the discount rate for the discounted payback
     */
    public static double paybackYears(double[] cashFlows, double rate) {
        double cumulative = cashFlows[0];
        if (cumulative >= 0) {
            return 0;
        }
        for (int y = 1; y < cashFlows.length; y++) {
            double flow = cashFlows[y] * discountFactor(rate, y);
            if (cumulative + flow >= 0 && flow > 0) {
                return y - 1 + (-cumulative) / flow;
            }
            cumulative += flow;
        }
        return Double.NaN;
    }
}
