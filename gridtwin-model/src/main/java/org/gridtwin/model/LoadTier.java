package org.gridtwin.model;

/**
 * How much a load matters when the site runs as an island: the island controller sheds {@link #SHEDDABLE} first,
 * then {@link #PRIORITY}, and carries {@link #CRITICAL} for as long as the battery can.
 */
public enum LoadTier implements KeyedEnum {
    CRITICAL("critical"), PRIORITY("priority"), SHEDDABLE("sheddable");

    private final String key;

    LoadTier(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /**
     * The tier a load (or a part of a composite load) has when the scenario names none. The reasoning behind each
     * choice is in docs/resilience.md:
     * <ul>
     * <li>crane fleets (yard and quay) are sheddable: moves stop in an outage, a crane that loses power holds its
     *     load on the brakes;</li>
     * <li>port base: reefers and yard lighting are critical (cold chain, safety), offices priority;</li>
     * <li>shore power is priority (ships can return to their auxiliary engines);</li>
     * <li>households are critical: a village has nothing else to shed;</li>
     * <li>a factory line is sheddable, the plant's base load priority;</li>
     * <li>measured or parametric profiles are critical: a load nobody classified is assumed to be needed, so the
     *     survival figures err on the safe side.</li>
     * </ul>
     *
     * @param part the part's name for composite loads ({@link LoadSpec#parts}), or the empty string for the whole
     */
    public static LoadTier defaultFor(LoadSpec load, String part) {
        if (load instanceof LoadSpec.CraneFleet) {
            return SHEDDABLE;
        } else if (load instanceof LoadSpec.PortBase) {
            return "offices".equals(part) ? PRIORITY : CRITICAL;
        } else if (load instanceof LoadSpec.ShorePower) {
            return PRIORITY;
        } else if (load instanceof LoadSpec.FactoryLine) {
            return "base".equals(part) ? PRIORITY : SHEDDABLE;
        }
        return CRITICAL;
    }
}
