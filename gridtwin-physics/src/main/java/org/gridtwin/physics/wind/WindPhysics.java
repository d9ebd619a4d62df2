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
