package org.pingzhi.jobs.simulate;

/**
 * Maps simulated time to wall-clock time at a speed: the simulated instant {@code simulatedOrigin}
 * is due at the wall-clock instant {@code wallOrigin}, and N simulated seconds later are due N /
 * speed seconds later.
 *
 * @param simulatedOrigin epoch millis, simulated
 * @param wallOrigin epoch millis, wall clock
 * @param speed times real time; {@code Double.POSITIVE_INFINITY}: everything is due at once
 */
record Pacer(long simulatedOrigin, long wallOrigin, double speed) {

    /**
     * How long to wait, at wall-clock instant {@code wallNow}, until {@code simulatedAt} is due.
     */
    long millisUntilDue(long simulatedAt, long wallNow) {
        if (Double.isInfinite(speed)) {
            return 0;
        }
        long dueAt = wallOrigin + (long) Math.ceil((simulatedAt - simulatedOrigin) / speed);
        return Math.max(0, dueAt - wallNow);
    }

    /** The simulated instant due at wall-clock instant {@code wallNow} (finite speeds only). */
    long simulatedAt(long wallNow) {
        return simulatedOrigin + (long) ((wallNow - wallOrigin) * speed);
    }
}
