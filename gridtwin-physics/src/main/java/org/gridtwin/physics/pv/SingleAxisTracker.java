package org.gridtwin.physics.pv;

import org.gridtwin.model.Mounting;
import org.gridtwin.physics.solar.SunSeries;

/**
 * Orientation of single-axis trackers, step by step, as unit normal vectors (east, north, up).
 *
 * <p>The axis points along its azimuth, tilted up by its tilt. At rotation 0 the modules face up,
 * perpendicular to the axis; rotation ω turns them about the axis. True tracking picks the ω that minimises the
 * angle of incidence, {@code ω* = atan2(s·w, s·n0)} (Lorenzo, Narvarte &amp; Muñoz 2011, Prog. Photovolt. 19).
 * Backtracking on flat ground rotates back by {@code acos(|cos ω*| / GCR)} whenever {@code |cos ω*| < GCR}, so that
 * rows just stop shading each other (Anderson &amp; Mikofski 2020, NREL/TP-5K00-76626, eq. 14 with no cross-axis
 * slope). The result is limited to ±max angle; with the sun down the trackers lie flat.
 */
public final class SingleAxisTracker {
    private SingleAxisTracker() {
    }

    /** Normal vectors per step: {@code [0]} east, {@code [1]} north, {@code [2]} up components. */
    public static double[][] normals(Mounting m, SunSeries sun) {
        double ga = Math.toRadians(m.axisAzimuthDeg());
        double ba = Math.toRadians(m.axisTiltDeg());
        double[] a = {Math.sin(ga) * Math.cos(ba), Math.cos(ga) * Math.cos(ba), Math.sin(ba)};
        double[] n0 = {-Math.sin(ga) * Math.sin(ba), -Math.cos(ga) * Math.sin(ba), Math.cos(ba)};
        double[] w = cross(a, n0);
        double maxAngle = Math.toRadians(m.maxAngleDeg());
        int n = sun.size();
        double[][] out = new double[3][n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            double omega = 0;
            if (sun.cosZenith(i) > 0) {
                sun.direction(i, s);
                omega = Math.atan2(dot(s, w), dot(s, n0));
                if (m.backtrack()) {
                    double shade = Math.abs(Math.cos(omega)) / m.groundCoverRatio();
                    if (shade < 1) {
                        omega -= Math.signum(omega) * Math.acos(shade);
                    }
                }
                omega = Math.max(-maxAngle, Math.min(maxAngle, omega));
            }
            double c = Math.cos(omega);
            double sn = Math.sin(omega);
            for (int k = 0; k < 3; k++) {
                out[k][i] = n0[k] * c + w[k] * sn;
            }
        }
        return out;
    }

    static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }

    static double[] cross(double[] x, double[] y) {
        return new double[] {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
    }
}
