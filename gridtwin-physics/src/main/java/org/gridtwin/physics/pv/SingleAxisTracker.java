package org.gridtwin.physics.pv;

import org.gridtwin.model.Mounting;
import org.gridtwin.physics.solar.SunSeries;

/**
 * Orientation of single-axis trackers, step by step, as unit normal vectors (east, north, up).
 *
 * <p>Conventions as pvlib's {@code tracking.singleaxis}: the axis lies along its azimuth (clockwise from north) and
 * its tilt lowers the end that points that way, so the default axis azimuth 180° with a positive tilt raises the
 * north end and faces a northern-hemisphere tracker south, towards the equator. At rotation 0 the modules face up (n0),
 * perpendicular to the axis; rotating by ω turns the normal to {@code n0 cos ω + w sin ω}, {@code w = a × n0}.
 * True tracking turns the normal to the sun's projection on the plane perpendicular to the axis,
 * {@code ω* = atan2(s·w, s·n0)} (Lorenzo, Narvarte &amp; Muñoz 2011). Backtracking on flat ground turns back by
 * {@code δ = acos(|cos ω*| / GCR)} whenever {@code |cos ω*| < GCR} (Anderson &amp; Mikofski 2020, NREL/TP-5K00-76626,
 * eq. 14 without cross-axis slope). The result is limited to ±max angle; with the sun down the trackers lie flat.
 * All of it is done with cosines and sines from dot products, without inverse trigonometry.
 */
public final class SingleAxisTracker {
    private SingleAxisTracker() {
    }

    /** Normal vectors per step: {@code [0]} east, {@code [1]} north, {@code [2]} up components. */
    public static double[][] normals(Mounting m, SunSeries sun) {
        double ga = Math.toRadians(m.axisAzimuthDeg());
        double ba = Math.toRadians(m.axisTiltDeg());
        // a descends towards the axis azimuth; n0, perpendicular to it and upward, leans the same way
        double[] a = {Math.sin(ga) * Math.cos(ba), Math.cos(ga) * Math.cos(ba), -Math.sin(ba)};
        double[] n0 = {Math.sin(ga) * Math.sin(ba), Math.cos(ga) * Math.sin(ba), Math.cos(ba)};
        double[] w = cross(a, n0);
        double cosMax = Math.cos(Math.toRadians(m.maxAngleDeg()));
        double sinMax = Math.sin(Math.toRadians(m.maxAngleDeg()));
        int n = sun.size();
        double[][] out = new double[3][n];
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            double c = 1;
            double sn = 0;
            if (sun.cosZenith(i) > 0) {
                sun.direction(i, s);
                double x = dot(s, w);
                double y = dot(s, n0);
                double r = Math.sqrt(x * x + y * y);
                if (r > 1e-12) {
                    c = y / r;
                    sn = x / r;
                    if (m.backtrack() && Math.abs(c) < m.groundCoverRatio()) {
                        // rotate back by δ towards flat: ω = ω* − sign(ω*) δ
                        double cd = Math.abs(c) / m.groundCoverRatio();
                        double sd = Math.sqrt(1 - cd * cd) * Math.signum(sn);
                        double c2 = c * cd + sn * sd;
                        sn = sn * cd - c * sd;
                        c = c2;
                    }
                    if (c < cosMax) {
                        c = cosMax;
                        sn = Math.signum(sn) * sinMax;
                    }
                }
            }
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
