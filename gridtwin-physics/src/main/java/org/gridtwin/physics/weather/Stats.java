package org.gridtwin.physics.weather;

/** Small statistical functions the weather generator needs. */
public final class Stats {
    private Stats() {
    }

    /**
     * Standard normal cumulative distribution, Abramowitz &amp; Stegun (1964) 26.2.17 (absolute error &lt; 7.5e-8).
     */
    public static double normalCdf(double x) {
        double t = 1 / (1 + 0.2316419 * Math.abs(x));
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        double tail = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI) * poly;
        return x >= 0 ? 1 - tail : tail;
    }

    /**
     * Weibull quantile {@code c (−ln(1 − u))^(1/k)} for a probability u in [0, 1).
     */
    public static double weibullQuantile(double u, double scale, double shapeK) {
        return scale * Math.pow(-Math.log(1 - u), 1 / shapeK);
    }

    /**
     * Gamma function for x &gt; 0 by the Lanczos approximation (g = 7, n = 9 coefficients; relative error about
     * 1e-15), Press et al., Numerical Recipes 3rd ed., section 6.1. Used for the Weibull mean Γ(1 + 1/k).
     */
    public static double gamma(double x) {
        if (x < 0.5) {
            return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        double z = x - 1;
        double a = c[0];
        double t = z + 7.5;
        for (int i = 1; i < 9; i++) {
            a += c[i] / (z + i);
        }
        return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * a;
    }
}
