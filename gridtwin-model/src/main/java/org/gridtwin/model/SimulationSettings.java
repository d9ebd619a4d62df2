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
    /** The earliest first day of a run. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    /** The latest first day not simulated: runs end by 2100-12-31. */
    public static final LocalDate LAST_END = LocalDate.of(2101, 1, 1);
    /**
     * Steps of one run at most: two leap years at 1-minute steps (1,054,080) fit, so do 31 years at 15 minutes and
     * 125 at an hour. Every step holds a few dozen numbers per site; beyond this a run needs more memory than a
     * laptop has and time nobody waits for.
     */
    public static final long MAX_STEPS = 1_100_000;

    /** Why a date cannot start or end a run, or {@code null}. */
    public static String dateProblem(LocalDate date) {
        return date.isBefore(FIRST_DAY) || date.isAfter(LAST_END)
                ? "must be a date from " + FIRST_DAY + " to " + LAST_END : null;
    }

    /** Why a period of valid dates and step is too long for one run, or {@code null}. */
    public static String lengthProblem(LocalDate start, LocalDate end, Duration step) {
        long steps = (end.toEpochDay() - start.toEpochDay()) * 86_400 / step.toSeconds();
        return steps > MAX_STEPS ? String.format(java.util.Locale.ROOT, "makes %,d steps of %d min; a run has at "
                + "most %,d (two years at 1 minute, 31 at 15, 125 at an hour)", steps, step.toMinutes(), MAX_STEPS)
                : null;
    }

    /** Whether a step is allowed: 1 min to 1 h, whole minutes, dividing one hour so steps align with tariffs. */
    public static boolean isValidStep(Duration step) {
        return step.compareTo(MIN_STEP) >= 0 && step.compareTo(MAX_STEP) <= 0
                && step.toSeconds() % 60 == 0 && 3600 % step.toSeconds() == 0;
    }
}
