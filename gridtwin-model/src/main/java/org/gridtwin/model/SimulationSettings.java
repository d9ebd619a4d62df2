package org.gridtwin.model;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The default simulation window. Dates are calendar dates in each site's own time zone; {@code end} is exclusive,
 * so 2024-01-01 .. 2025-01-01 is the calendar year 2024.
 *
 * @param start first day simulated
 * @param end   first day not simulated
 * @param step  time step, between 1 minute and 1 hour, dividing an hour evenly
 * @param seed  seed of every random draw (crane moves, synthetic weather): same seed, same result
 */
public record SimulationSettings(LocalDate start, LocalDate end, Duration step, long seed) {
    public static final Duration MIN_STEP = Duration.ofMinutes(1);
    public static final Duration MAX_STEP = Duration.ofHours(1);

    /** Whether a step is allowed: 1 min to 1 h, whole minutes, dividing one hour so steps align with tariffs. */
    public static boolean isValidStep(Duration step) {
        return step.compareTo(MIN_STEP) >= 0 && step.compareTo(MAX_STEP) <= 0
                && step.toSeconds() % 60 == 0 && 3600 % step.toSeconds() == 0;
    }
}
