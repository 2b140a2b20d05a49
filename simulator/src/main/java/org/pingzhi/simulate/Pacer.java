package org.pingzhi.simulate;

/**
 * Maps simulated time to wall-clock time at a speed: the simulated instant {@code simulatedOrigin}
 * is due at the wall-clock instant {@code wallOrigin}, and N simulated seconds later are due N /
 * speed seconds later.
 *
 * @param simulatedOrigin epoch millis, simulated
 * @param wallOrigin epoch millis, wall clock
 * @param speed times real time; {@code Double.POSITIVE_INFINITY}: everything is due at once
 * @param neverAheadOfWallClock whether a simulated instant is due no earlier than that same instant
 *     on the wall clock: live consumers reject event times in the future, so traffic sent to them
 *     catches up at the speed while it is behind the wall clock and then follows real time
 */
record Pacer(long simulatedOrigin, long wallOrigin, double speed, boolean neverAheadOfWallClock) {

    /** A pacer that may run ahead of the wall clock (traffic for files). */
    Pacer(long simulatedOrigin, long wallOrigin, double speed) {
        this(simulatedOrigin, wallOrigin, speed, false);
    }

    /** This pacer, but never ahead of the wall clock. */
    Pacer notAheadOfWallClock() {
        return new Pacer(simulatedOrigin, wallOrigin, speed, true);
    }

    /**
     * How long to wait, at wall-clock instant {@code wallNow}, until {@code simulatedAt} is due.
     */
    long millisUntilDue(long simulatedAt, long wallNow) {
        long wait =
                Double.isInfinite(speed)
                        ? 0
                        : wallOrigin
                                + (long) Math.ceil((simulatedAt - simulatedOrigin) / speed)
                                - wallNow;
        if (neverAheadOfWallClock) {
            wait = Math.max(wait, simulatedAt - wallNow);
        }
        return Math.max(0, wait);
    }

    /** The simulated instant due at wall-clock instant {@code wallNow} (finite speeds only). */
    long simulatedAt(long wallNow) {
        long paced = simulatedOrigin + (long) ((wallNow - wallOrigin) * speed);
        return neverAheadOfWallClock ? Math.min(paced, wallNow) : paced;
    }
}
