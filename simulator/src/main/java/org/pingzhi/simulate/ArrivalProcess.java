package org.pingzhi.simulate;

/**
 * When incidents are reported: a Poisson process whose rate follows the daily curve, drawn by
 * thinning (candidates at the peak rate, each kept with the relative rate at its instant). Report
 * times are whole seconds after the start.
 */
final class ArrivalProcess {

    private final long startMillis;
    private final double peakRatePerSecond;
    private final Dice dice;
    private double secondsAfterStart;

    ArrivalProcess(long startMillis, double incidentsPerDay, Dice dice) {
        this.startMillis = startMillis;
        this.peakRatePerSecond = DailyCurve.peakRatePerSecond(incidentsPerDay);
        this.dice = dice;
    }

    /** The next report time, never before the previous one. */
    long next() {
        while (true) {
            // StrictMath: the same bits on every machine, so the same seed gives the same traffic
            secondsAfterStart += -StrictMath.log(1 - dice.fraction()) / peakRatePerSecond;
            long candidate = startMillis + (long) Math.ceil(secondsAfterStart) * 1_000;
            if (dice.fraction() < DailyCurve.relativeRate(candidate)) {
                return candidate;
            }
        }
    }
}
