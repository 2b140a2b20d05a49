package org.pingzhi.jobs.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** Waits for a condition by polling it, up to a deadline; never a fixed sleep. */
public final class Poll {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private Poll() {}

    /**
     * Calls {@code probe} until its value satisfies {@code done} and returns that value; fails with
     * the last value seen when {@code timeout} passes first.
     */
    public static <T> T until(
            Duration timeout, String what, Callable<T> probe, Predicate<? super T> done)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (true) {
            last = probe.call();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "not within "
                                + timeout.toSeconds()
                                + " s: "
                                + what
                                + "; last seen: "
                                + last);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }
}
