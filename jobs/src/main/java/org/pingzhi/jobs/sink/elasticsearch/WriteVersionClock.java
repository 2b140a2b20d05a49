package org.pingzhi.jobs.sink.elasticsearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;

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

    /**
     * The restored writes, in order, each with a version: its own, or (from a state written before
     * writes had versions) a new one; and this clock moved past all of them, so that every write
     * taken in from now on is newer.
     */
    List<BufferedRequestState<ElasticsearchRequestEntry>> restore(
            Collection<BufferedRequestState<ElasticsearchRequestEntry>> states) {
        for (BufferedRequestState<ElasticsearchRequestEntry> state : states) {
            for (RequestEntryWrapper<ElasticsearchRequestEntry> wrapper :
                    state.getBufferedRequestEntries()) {
                last = Math.max(last, wrapper.getRequestEntry().version());
            }
        }
        List<BufferedRequestState<ElasticsearchRequestEntry>> versioned = new ArrayList<>();
        for (BufferedRequestState<ElasticsearchRequestEntry> state : states) {
            List<RequestEntryWrapper<ElasticsearchRequestEntry>> entries = new ArrayList<>();
            for (RequestEntryWrapper<ElasticsearchRequestEntry> wrapper :
                    state.getBufferedRequestEntries()) {
                ElasticsearchRequestEntry entry = wrapper.getRequestEntry();
                entries.add(
                        entry.version() > 0
                                ? wrapper
                                : new RequestEntryWrapper<>(
                                        entry.withVersion(next()), wrapper.getSize()));
            }
            versioned.add(new BufferedRequestState<>(entries));
        }
        return versioned;
    }

    private static long wallClockMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
