package org.pingzhi.simulate;

/**
 * How the calls spread over a Pinghu day: few at night (02:00–06:00), rising in the morning,
 * peaking late morning and in the evening. Hourly weights (local time), linearly interpolated
 * between the middles of the hours so that the rate has no steps.
 */
final class DailyCurve {

    private static final double[] HOURLY_WEIGHTS = {
        2.4, 1.6, 1.0, 0.7, 0.6, 0.8, 1.6, 3.0, 4.6, 5.8, 6.6, 6.8, //
        5.4, 4.8, 5.2, 5.4, 5.6, 5.8, 6.2, 6.6, 6.4, 5.2, 4.0, 3.0
    };

    private static final double TOTAL_WEIGHT = sum(HOURLY_WEIGHTS);
    private static final double PEAK_WEIGHT = max(HOURLY_WEIGHTS);

    private DailyCurve() {}

    /** The rate at this instant relative to the peak rate, in (0, 1]. */
    static double relativeRate(long epochMillis) {
        double position = PinghuTime.localHourOfDay(epochMillis) - 0.5;
        int hour = (int) Math.floor(position);
        double along = position - hour;
        double weight =
                HOURLY_WEIGHTS[Math.floorMod(hour, 24)] * (1 - along)
                        + HOURLY_WEIGHTS[Math.floorMod(hour + 1, 24)] * along;
        return weight / PEAK_WEIGHT;
    }

    /** The peak rate, in incidents per second, for a daily volume. */
    static double peakRatePerSecond(double incidentsPerDay) {
        return incidentsPerDay * PEAK_WEIGHT / TOTAL_WEIGHT / 3_600;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
