package org.pingzhi.common.normalize;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** Configuration of the normalizer's checks. */
public final class NormalizerOptions {

    public static final ConfigOption<Duration> MAX_EVENT_TIME_AHEAD =
            ConfigOptions.key("pingzhi.normalize.max-event-time-ahead")
                    .durationType()
                    .defaultValue(EventTimeBounds.DEFAULT_MAX_AHEAD)
                    .withDescription(
                            "How far after the wall clock at normalization an event time may lie;"
                                    + " a record beyond it (or before 2000-01-01T00:00:00Z) is"
                                    + " dead-lettered as BAD_TIMESTAMP and never moves event time."
                                    + " Allows for upstream clocks running a little fast; at"
                                    + " most 1 d.");

    private NormalizerOptions() {}
}
