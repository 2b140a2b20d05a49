package org.pingzhi.jobs.rules;

/**
 * Tumbling windows aligned to local (UTC+8) midnight: {@code [s, s + W)} with {@code (s + 8 h) mod
 * W = 0}.
 */
final class TumblingWindows {

    private static final long LOCAL_OFFSET_MILLIS = 8 * 3_600_000L;

    private TumblingWindows() {}

    /** The start of the window of length {@code windowMillis} (dividing 24 h) holding {@code t}. */
    static long start(long t, long windowMillis) {
        return t - Math.floorMod(t + LOCAL_OFFSET_MILLIS, windowMillis);
    }
}
