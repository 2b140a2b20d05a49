package org.pingzhi.jobs.time;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.pingzhi.common.model.UnifiedEvent;

/** How event time advances in each mode of the command-center job. */
public final class EventTime {

    private EventTime() {}

    /**
     * Live: watermarks trail the records by {@code outOfOrderness} and follow the wall clock once
     * the inputs have been silent for {@code idleAfter}.
     */
    public static WatermarkStrategy<UnifiedEvent> live(
            Duration outOfOrderness, Duration idleAfter) {
        return WatermarkStrategy.<UnifiedEvent>forGenerator(
                        context ->
                                new WallClockAwareWatermarks<>(
                                        outOfOrderness, idleAfter, System::currentTimeMillis))
                .withTimestampAssigner((event, previous) -> event.eventTime());
    }

    /**
     * Replay: time is the records' event time alone; no watermark before the end of the input, so
     * every deadline is decided knowing all records.
     */
    public static WatermarkStrategy<UnifiedEvent> replay() {
        return WatermarkStrategy.<UnifiedEvent>noWatermarks()
                .withTimestampAssigner((event, previous) -> event.eventTime());
    }
}
