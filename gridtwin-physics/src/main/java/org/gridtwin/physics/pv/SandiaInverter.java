package org.gridtwin.physics.pv;

/**
 * The Sandia inverter model, King, Gonzalez, Galbraith &amp; Boyson (2007), SAND2007-5036, eq. 2, with the
 * parameters of one inverter unit (W, V).
 *
 * @param pacoW  maximum AC power
 * @param pdcoW  DC power at which the AC rating is reached
 * @param vdcoV  DC voltage at which the parameters were fitted
 * @param psoW   DC power needed to start the inversion
 * @param c0     curvature of the AC–DC relation, 1/W
 * @param c1     change of {@code pdco} with voltage, 1/V
 * @param c2     change of {@code pso} with voltage, 1/V
 * @param c3     change of {@code c0} with voltage, 1/V
 * @param pntW   night tare, drawn when the DC input is below {@code pso}
 */
public record SandiaInverter(double pacoW, double pdcoW, double vdcoV, double psoW, double c0, double c1, double c2,
        double c3, double pntW) {

    /**
     * AC output for a DC input at voltage {@code vdcV}:
     * {@code P_ac = (P_aco/(A − B) − C (A − B)) (P_dc − B) + C (P_dc − B)²} with A, B, C the voltage-corrected
     * {@code P_dco}, {@code P_so}, {@code C0}; clipped at {@code P_aco}; {@code −P_nt} below {@code P_so}.
     */
    public double acPowerW(double dcW, double vdcV) {
        if (dcW < psoW) {
            return -pntW;
        }
        double dv = vdcV - vdcoV;
        double a = pdcoW * (1 + c1 * dv);
        double b = psoW * (1 + c2 * dv);
        double c = c0 * (1 + c3 * dv);
        double ac = (pacoW / (a - b) - c * (a - b)) * (dcW - b) + c * (dcW - b) * (dcW - b);
        return Math.min(ac, pacoW);
    }
}
