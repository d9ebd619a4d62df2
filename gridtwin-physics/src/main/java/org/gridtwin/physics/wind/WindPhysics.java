package org.gridtwin.physics.wind;

/** Pure wind-turbine functions. Speeds in m/s, heights in m, power in kW. */
public final class WindPhysics {
    private WindPhysics() {
    }

    /**
     * Wind speed at hub height from the power-law (Hellman) profile {@code v = v_ref (h / h_ref)^α}
     * (Hellman 1916; e.g. Manwell, McGowan &amp; Rogers, Wind Energy Explained, 2nd ed., eq. 2.3.20).
     */
    public static double hubSpeedPowerLawMs(double speedAtRefMs, double refHeightM, double hubHeightM,
            double shearExponent) {
        return speedAtRefMs * Math.pow(hubHeightM / refHeightM, shearExponent);
    }

    /**
     * Logarithmic wind profile with a displacement height {@code d = 0.7 × obstacle height}:
     * {@code v_hub = v ln((h_hub − d)/z0) / ln((h_data − d)/z0)} (Hau, Windkraftanlagen 2008, p. 515; as in
     * windpowerlib {@code wind_speed.logarithmic_profile}).
     *
     * @throws IllegalArgumentException when 0.7 × obstacle height reaches the data height
     */
    public static double hubSpeedLogarithmicMs(double speedAtRefMs, double refHeightM, double hubHeightM,
            double roughnessLengthM, double obstacleHeightM) {
        double d = 0.7 * obstacleHeightM;
        if (d >= refHeightM) {
            throw new IllegalArgumentException("0.7 × obstacle height (" + d + " m) must be below the data height ("
                    + refHeightM + " m)");
        }
        return speedAtRefMs * Math.log((hubHeightM - d) / roughnessLengthM)
                / Math.log((refHeightM - d) / roughnessLengthM);
    }

    /** The Hellman exponent implied by a roughness length at hub height, {@code 1 / ln(h_hub / z0)}. */
    public static double hellmanExponentFromRoughness(double hubHeightM, double roughnessLengthM) {
        return 1 / Math.log(hubHeightM / roughnessLengthM);
    }

    /**
     * Mechanical-to-electrical power from a power-coefficient curve:
     * {@code P = ½ ρ (π D²/4) v³ Cp(v)} = {@code ρ π D² v³ Cp / 8}, in kW; 0 outside the Cp curve.
     */
    public static double powerFromCoefficientKw(double speedMs, double densityKgM3, double rotorDiameterM,
            double[] speedsMs, double[] cp) {
        if (speedMs < speedsMs[0] || speedMs > speedsMs[speedsMs.length - 1]) {
            return 0;
        }
        double c = interpolate(speedMs, speedsMs, cp);
        return densityKgM3 * Math.PI * rotorDiameterM * rotorDiameterM * speedMs * speedMs * speedMs * c / 8 / 1000;
    }

    /**
     * The density exponent of the wind-speed-shift correction: 1/3 up to 7.5 m/s, 2/3 from 12.5 m/s, linear
     * between (Svenningsen 2010, as in windpowerlib {@code power_curve_density_correction}).
     */
    public static double densityShiftExponent(double curveSpeedMs) {
        if (curveSpeedMs <= 7.5) {
            return 1.0 / 3;
        }
        if (curveSpeedMs >= 12.5) {
            return 2.0 / 3;
        }
        return (curveSpeedMs - 7.5) / 15 + 1.0 / 3;
    }

    /**
     * Power from a curve whose speeds are shifted for the site's density: point j moves to
     * {@code v_j (ρ0/ρ)^p_j}; only the points a binary search visits are shifted, so a step costs O(log n)
     * exponentials instead of one per point.
     *
     * @param exponents  {@link #densityShiftExponent} of each curve speed
     * @param lnRatio    ln(ρ0 / ρ)
     */
    public static double powerFromShiftedCurveKw(double speedMs, double[] speedsMs, double[] exponents,
            double[] powersKw, double lnRatio) {
        int last = speedsMs.length - 1;
        double first = speedsMs[0] * Math.exp(exponents[0] * lnRatio);
        if (speedMs < first) {
            return 0;
        }
        if (speedMs >= speedsMs[last] * Math.exp(exponents[last] * lnRatio)) {
            return powersKw[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (speedsMs[mid] * Math.exp(exponents[mid] * lnRatio) <= speedMs) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double vLo = speedsMs[lo] * Math.exp(exponents[lo] * lnRatio);
        double vHi = speedsMs[hi] * Math.exp(exponents[hi] * lnRatio);
        return powersKw[lo] + (speedMs - vLo) / (vHi - vLo) * (powersKw[hi] - powersKw[lo]);
    }

    /** Linear interpolation in a table with strictly increasing x; clamps outside. */
    static double interpolate(double x, double[] xs, double[] ys) {
        int last = xs.length - 1;
        if (x <= xs[0]) {
            return ys[0];
        }
        if (x >= xs[last]) {
            return ys[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return ys[lo] + (x - xs[lo]) / (xs[hi] - xs[lo]) * (ys[hi] - ys[lo]);
    }

    /**
     * Power of one turbine from its power curve by linear interpolation between points; 0 below cut-in and at or
     * above cut-out; between the last point and cut-out, the last point's power.
     *
     * @param speedsMs curve speeds, strictly increasing
     * @param powersKw curve powers, same length
     */
    public static double powerFromCurveKw(double speedMs, double[] speedsMs, double[] powersKw, double cutInMs,
            double cutOutMs) {
        if (speedMs < cutInMs || speedMs >= cutOutMs || speedMs < speedsMs[0]) {
            return 0;
        }
        int last = speedsMs.length - 1;
        if (speedMs >= speedsMs[last]) {
            return powersKw[last];
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (speedsMs[mid] <= speedMs) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (speedMs - speedsMs[lo]) / (speedsMs[hi] - speedsMs[lo]);
        return powersKw[lo] + f * (powersKw[hi] - powersKw[lo]);
    }
}
