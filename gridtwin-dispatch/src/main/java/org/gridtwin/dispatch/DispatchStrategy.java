package org.gridtwin.dispatch;

/**
 * The port every controller implements, used unchanged by the simulation engine and by the live control loop.
 *
 * <p>Each step the harness fills a {@link StepState} and calls {@link #decide}; the strategy writes its wish into
 * {@link Setpoints}. Both objects belong to the harness and are reused every step, so a year at one-minute steps
 * allocates nothing; a strategy must not keep references to them. The harness then applies physics and limits
 * (ratings, state-of-charge window, grid limits), so a strategy may ask for more than is possible.
 *
 * <p>A strategy instance serves one site and may keep state between steps (e.g. cycle charging's mode).
 */
public interface DispatchStrategy {

    /** The name users select it by, e.g. {@code self-consumption}. */
    String name();

    /** Decides the setpoints for the step described by {@code state}. */
    void decide(StepState state, Setpoints out);
}
