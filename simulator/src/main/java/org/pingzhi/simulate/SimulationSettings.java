package org.pingzhi.simulate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to simulate. Same settings, same bytes: nothing else (no wall clock) goes into the output.
 *
 * @param seed the randomness
 * @param start the simulated instant the traffic begins at (cut to whole seconds, as the upstream
 *     timestamps have no fraction)
 * @param duration how much simulated time: incidents reported before {@code start + duration}, and
 *     of their records those with an event time before it; null for no end
 * @param recordLimit stop after this many records (duplicates and malformed ones included)
 * @param incidentsPerDay the average daily volume over both sources, spread over the day by the
 *     daily curve
 */
public record SimulationSettings(
        long seed, Instant start, Duration duration, long recordLimit, double incidentsPerDay) {

    /** A busy day of the county: the default volume of incidents, both sources together. */
    public static final double DEFAULT_INCIDENTS_PER_DAY = 1_500;

    public SimulationSettings {
        Objects.requireNonNull(start, "start");
        start = start.truncatedTo(ChronoUnit.SECONDS);
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (recordLimit <= 0) {
            throw new IllegalArgumentException("recordLimit must be positive: " + recordLimit);
        }
        if (!(incidentsPerDay > 0) || Double.isInfinite(incidentsPerDay)) {
            throw new IllegalArgumentException(
                    "incidentsPerDay must be a positive number: " + incidentsPerDay);
        }
    }

    /** Unbounded traffic at the default volume, from {@code start}. */
    public static SimulationSettings of(long seed, Instant start) {
        return new SimulationSettings(seed, start, null, Long.MAX_VALUE, DEFAULT_INCIDENTS_PER_DAY);
    }

    public SimulationSettings withDuration(Duration newDuration) {
        return new SimulationSettings(seed, start, newDuration, recordLimit, incidentsPerDay);
    }

    public SimulationSettings withRecordLimit(long newRecordLimit) {
        return new SimulationSettings(seed, start, duration, newRecordLimit, incidentsPerDay);
    }

    public SimulationSettings withIncidentsPerDay(double newIncidentsPerDay) {
        return new SimulationSettings(seed, start, duration, recordLimit, newIncidentsPerDay);
    }

    /** The first simulated instant not simulated any more; {@code Long.MAX_VALUE} for no end. */
    long endMillis() {
        return duration == null ? Long.MAX_VALUE : start.plus(duration).toEpochMilli();
    }
}
