package org.pingzhi.jobs.metrics;

/** Minute arithmetic of the metrics: UTC minutes, epoch milliseconds. */
public final class MetricMinutes {

    public static final long MINUTE = 60_000;

    private MetricMinutes() {}

    /** The start of the UTC minute {@code instant} lies in. */
    public static long minuteOf(long instant) {
        return Math.floorDiv(instant, MINUTE) * MINUTE;
    }

    /**
     * The end of the minute starting at {@code minuteStart}: the instant {@code open} is taken at.
     */
    public static long endOf(long minuteStart) {
        return minuteStart + MINUTE;
    }
}
