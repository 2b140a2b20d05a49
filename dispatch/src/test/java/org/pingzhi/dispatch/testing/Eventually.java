package org.pingzhi.dispatch.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for what a test expects by looking again every 200 ms, up to a deadline. */
public final class Eventually {

    private Eventually() {}

    /** The first value of {@code probe} that is {@code expected}; fails with the last one seen. */
    public static <T> T equal(Duration within, String what, Supplier<T> probe, T expected) {
        long deadline = System.nanoTime() + within.toNanos();
        T seen = probe.get();
        while (!expected.equals(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        what + ": expected " + expected + " within " + within + ", saw " + seen);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            seen = probe.get();
        }
        return seen;
    }
}
