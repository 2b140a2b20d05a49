package org.pingzhi.common.rules;

import java.io.Serializable;
import java.time.Duration;

/** What a SURGE window is compared with: the B windows its count is judged against. */
public sealed interface Baseline extends Serializable {

    /** How many baseline windows there are (B). */
    int windows();

    /**
     * How far before a window's start its earliest baseline window starts, for windows of {@code
     * window}.
     */
    Duration reach(Duration window);

    /**
     * The start of the {@code n}-th (1-based) baseline window of the window starting at {@code
     * windowStart}.
     */
    long start(long windowStart, Duration window, int n);

    /** The M windows right before. */
    record PreviousWindows(int count) implements Baseline {
        private static final long serialVersionUID = 1L;

        @Override
        public int windows() {
            return count;
        }

        @Override
        public Duration reach(Duration window) {
            return window.multipliedBy(count);
        }

        @Override
        public long start(long windowStart, Duration window, int n) {
            return windowStart - n * window.toMillis();
        }
    }

    /** The window at the same time of day on each of the D previous days. */
    record SameTimeOfDay(int days) implements Baseline {
        private static final long serialVersionUID = 1L;

        @Override
        public int windows() {
            return days;
        }

        @Override
        public Duration reach(Duration window) {
            return Duration.ofDays(days);
        }

        @Override
        public long start(long windowStart, Duration window, int n) {
            return windowStart - n * ActiveHours.DAY_MILLIS;
        }
    }
}
