package org.gridtwin.sim;

import java.util.Arrays;
import org.gridtwin.physics.bus.IslandState;
import org.gridtwin.physics.bus.SiteBus;

/**
 * What islanding did at every step of a run: the bus's state, the shed level, the unserved demand by tier and the
 * transitions ({@link SiteBus#ISLANDED_NOW} … bits). Unserved demand by tier sums to the run's unmet demand.
 *
 * @param state             {@link IslandState#ordinal()} per step
 * @param shedLevel         {@link SiteBus#SHED_NONE} .. {@link SiteBus#SHED_ALL} per step
 * @param unmetCriticalKw   critical demand not served, kW
 * @param unmetPriorityKw   priority demand not served, kW
 * @param unmetSheddableKw  sheddable demand not served, kW
 * @param transitions       what changed at the step
 */
public record IslandSeries(byte[] state, byte[] shedLevel, double[] unmetCriticalKw, double[] unmetPriorityKw,
        double[] unmetSheddableKw, byte[] transitions) {

    public static IslandSeries of(int steps) {
        return new IslandSeries(new byte[steps], new byte[steps], new double[steps], new double[steps],
                new double[steps], new byte[steps]);
    }

    /** Records the bus's island outcome of step {@code i}. */
    void record(int i, SiteBus bus) {
        state[i] = (byte) bus.state().ordinal();
        shedLevel[i] = (byte) bus.shedLevel();
        unmetCriticalKw[i] = bus.unmetCriticalKw();
        unmetPriorityKw[i] = bus.unmetPriorityKw();
        unmetSheddableKw[i] = bus.unmetSheddableKw();
        transitions[i] = (byte) bus.transitions();
    }

    public IslandState stateAt(int i) {
        return IslandState.values()[state[i]];
    }

    /** The first {@code n} steps. */
    public IslandSeries first(int n) {
        return new IslandSeries(Arrays.copyOf(state, n), Arrays.copyOf(shedLevel, n),
                Arrays.copyOf(unmetCriticalKw, n), Arrays.copyOf(unmetPriorityKw, n),
                Arrays.copyOf(unmetSheddableKw, n), Arrays.copyOf(transitions, n));
    }

    /** Steps at which a transition bit is set. */
    public int count(int bit) {
        int c = 0;
        for (byte t : transitions) {
            if ((t & bit) != 0) {
                c++;
            }
        }
        return c;
    }

    /** Steps in a state. */
    public int steps(IslandState s) {
        int c = 0;
        for (byte b : state) {
            if (b == s.ordinal()) {
                c++;
            }
        }
        return c;
    }
}
