package org.pingzhi.jobs.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * The counts of one minute of one group (a Flink POJO, keyed state of the minute aggregation).
 * Responses are kept one by one (a sorted multiset of their milliseconds), because a withdrawn
 * response can be the maximum: the sum and the maximum are read off them, exactly.
 *
 * @param reported incidents reported in the minute
 * @param responseMillis report to response of each incident responded in the minute, ascending
 * @param slaMet MET incidents responded in the minute
 * @param slaBreached BREACHED incidents whose deadline is in the minute
 * @param written whether the minute's document was written and not deleted since
 */
public record MinuteCounts(
        int reported, long[] responseMillis, int slaMet, int slaBreached, boolean written) {

    public static final MinuteCounts NONE = new MinuteCounts(0, new long[0], 0, 0, false);

    static MinuteCounts ofReported() {
        return new MinuteCounts(1, new long[0], 0, 0, false);
    }

    static MinuteCounts ofResponse(long millis) {
        return new MinuteCounts(0, new long[] {millis}, 0, 0, false);
    }

    static MinuteCounts ofMet() {
        return new MinuteCounts(0, new long[0], 1, 0, false);
    }

    static MinuteCounts ofBreached() {
        return new MinuteCounts(0, new long[0], 0, 1, false);
    }

    public int responded() {
        return responseMillis.length;
    }

    /** Whether every count is 0: such a minute has no document. */
    public boolean isZero() {
        return reported == 0 && responded() == 0 && slaMet == 0 && slaBreached == 0;
    }

    /** These counts and {@code other}'s. */
    public MinuteCounts plus(MinuteCounts other) {
        long[] merged = Arrays.copyOf(responseMillis, responded() + other.responded());
        System.arraycopy(other.responseMillis, 0, merged, responded(), other.responded());
        Arrays.sort(merged);
        return new MinuteCounts(
                reported + other.reported,
                merged,
                slaMet + other.slaMet,
                slaBreached + other.slaBreached,
                written);
    }

    /**
     * These counts without {@code other}'s (which were added before): each of its responses removes
     * one equal response.
     */
    public MinuteCounts minus(MinuteCounts other) {
        long[] kept = responseMillis.clone();
        int size = kept.length;
        for (long millis : other.responseMillis) {
            int at = Arrays.binarySearch(kept, 0, size, millis);
            if (at >= 0) {
                System.arraycopy(kept, at + 1, kept, at, size - at - 1);
                size--;
            }
        }
        return new MinuteCounts(
                Math.max(0, reported - other.reported),
                Arrays.copyOf(kept, size),
                Math.max(0, slaMet - other.slaMet),
                Math.max(0, slaBreached - other.slaBreached),
                written);
    }

    public MinuteCounts withWritten(boolean isWritten) {
        return new MinuteCounts(reported, responseMillis, slaMet, slaBreached, isWritten);
    }

    /** The sum of the responses' milliseconds. */
    public long responseMillisSum() {
        long sum = 0;
        for (long millis : responseMillis) {
            sum += millis;
        }
        return sum;
    }

    /** The longest response's milliseconds, null with none responded. */
    public Long responseMillisMax() {
        return responseMillis.length == 0 ? null : responseMillis[responseMillis.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MinuteCounts that
                && reported == that.reported
                && Arrays.equals(responseMillis, that.responseMillis)
                && slaMet == that.slaMet
                && slaBreached == that.slaBreached
                && written == that.written;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(responseMillis)
                + Objects.hash(reported, slaMet, slaBreached, written);
    }

    @Override
    public String toString() {
        return "MinuteCounts[reported=%d, responseMillis=%s, slaMet=%d, slaBreached=%d, written=%b]"
                .formatted(reported, Arrays.toString(responseMillis), slaMet, slaBreached, written);
    }
}
