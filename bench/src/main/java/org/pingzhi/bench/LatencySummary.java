package org.pingzhi.bench;

import java.util.Collection;

/**
 * Nearest-rank percentiles of latencies in milliseconds.
 *
 * @param count samples
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param max the largest
 */
record LatencySummary(int count, long p50, long p99, long max) {

    static LatencySummary of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return new LatencySummary(
                sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
