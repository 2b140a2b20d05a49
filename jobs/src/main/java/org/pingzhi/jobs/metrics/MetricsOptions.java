package org.pingzhi.jobs.metrics;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Configuration of the per-minute metrics (see {@link MinuteMetricsFunction}). */
public final class MetricsOptions {

    public static final Duration DEFAULT_LATENESS = Duration.ofHours(1);

    public static final ConfigOption<Duration> LATENESS =
            ConfigOptions.key("pingzhi.metrics.lateness")
                    .durationType()
                    .defaultValue(DEFAULT_LATENESS)
                    .withDescription(
                            "How long after a minute's end (in event time) a late record can still"
                                    + " correct its metric documents; beyond it they are final.");

    private MetricsOptions() {}

    /** The lateness bound in milliseconds, checked to be 0 or more. */
    public static long latenessMillis(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException(
                    LATENESS.key() + " must not be negative: " + lateness);
        }
        return lateness.toMillis();
    }
}
