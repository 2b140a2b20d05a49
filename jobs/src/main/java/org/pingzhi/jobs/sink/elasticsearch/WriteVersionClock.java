package org.pingzhi.jobs.sink.elasticsearch;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Gives one writer's writes their external versions: the wall clock in epoch microseconds, strictly
 * increasing (a write taken in later always has the higher version, even within one microsecond or
 * when the clock steps back).
 *
 * <p>Versions of different writers compare by their clocks. That orders a failed attempt's writes
 * before those of the attempt that recovers it (a restart takes seconds, far more than the skew of
 * synchronized clocks), which is what keeps a late bulk request from undoing the recovery's writes.
 */
final class WriteVersionClock {

    private final LongSupplier epochMicros;
    private long last;

    WriteVersionClock() {
        this(WriteVersionClock::wallClockMicros);
    }

    WriteVersionClock(LongSupplier epochMicros) {
        this.epochMicros = epochMicros;
    }

    /** A version above every one given so far. */
    long next() {
        last = Math.max(last + 1, epochMicros.getAsLong());
        return last;
    }

    /** Makes every later version exceed {@code version} (one restored from a checkpoint). */
    void advancePast(long version) {
        last = Math.max(last, version);
    }

    private static long wallClockMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
