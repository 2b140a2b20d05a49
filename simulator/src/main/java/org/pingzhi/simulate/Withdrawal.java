package org.pingzhi.simulate;

/**
 * A report withdrawn (110 撤警, 12345 撤单): half the time after someone was dispatched; mostly within
 * minutes, now and then only after the response deadline.
 *
 * @param dispatched seconds after the report someone was dispatched; 0 for never
 * @param cancelled seconds after the report it was withdrawn
 */
record Withdrawal(long dispatched, long cancelled) {

    static Withdrawal draw(Dice dice) {
        long dispatched = dice.chance(0.5) ? dice.between(20, 180) : 0;
        return new Withdrawal(
                dispatched, Math.max(dispatched + 30, dice.triangular(60, 240, 1_500)));
    }

    boolean wasDispatched() {
        return dispatched > 0;
    }
}
