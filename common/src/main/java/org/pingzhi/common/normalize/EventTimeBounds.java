package org.pingzhi.common.normalize;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The event times that can be true: not before 2000-01-01T00:00:00Z and not more than {@code
 * maxAhead} after the wall clock at normalization. Anything else (a far-future typo, seconds sent
 * as milliseconds) would move event time and fire every deadline at once, so it is a {@code
 * BAD_TIMESTAMP}. Bounded event times also keep deadline arithmetic far from overflow.
 */
public final class EventTimeBounds implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The contract's default tolerance for upstream clocks that run fast. */
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);

    /** The earliest event time the contract accepts. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final long EARLIEST_MILLIS = EARLIEST.toEpochMilli();

    private final Duration maxAhead;
    private final Clock clock;

    /**
     * The most {@code maxAhead} may be: more would defeat the bound, and keeps event times (and the
     * deadlines computed from them) far from overflow.
     */
    public static final Duration MOST_AHEAD = Duration.ofDays(1);

    public EventTimeBounds(Duration maxAhead, Clock clock) {
        if (maxAhead.isNegative() || maxAhead.compareTo(MOST_AHEAD) > 0) {
            throw new IllegalArgumentException(
                    NormalizerOptions.MAX_EVENT_TIME_AHEAD.key()
                            + " must be between 0 and "
                            + MOST_AHEAD
                            + ": "
                            + maxAhead);
        }
        this.maxAhead = maxAhead;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bounds the configuration gives ({@link NormalizerOptions}), against {@code clock}. */
    public static EventTimeBounds fromConfiguration(ReadableConfig conf, Clock clock) {
        return new EventTimeBounds(conf.get(NormalizerOptions.MAX_EVENT_TIME_AHEAD), clock);
    }

    /** BAD_TIMESTAMP naming {@code field} when {@code eventTime} cannot be true. */
    void check(String field, long eventTime) {
        if (eventTime < EARLIEST_MILLIS) {
            throw RecordRejectedException.badTimestamp(field, "is before " + EARLIEST);
        }
        long latest = clock.millis() + maxAhead.toMillis();
        if (eventTime > latest) {
            throw RecordRejectedException.badTimestamp(
                    field, "is more than " + maxAhead + " after the wall clock");
        }
    }
}
