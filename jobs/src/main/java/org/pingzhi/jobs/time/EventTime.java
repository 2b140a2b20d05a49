package org.pingzhi.jobs.time;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ReadableConfig;
import org.pingzhi.common.model.UnifiedEvent;

/** How event time advances in each mode of the command-center job. */
public final class EventTime {

    private EventTime() {}

    /**
     * Live: watermarks trail the records by the out-of-orderness and follow the wall clock once an
     * input has been silent for a while (see {@link TimeOptions}).
     */
    public static WatermarkStrategy<UnifiedEvent> live(ReadableConfig configuration) {
        Duration outOfOrderness = configuration.get(TimeOptions.OUT_OF_ORDERNESS);
        Duration idleAfter = configuration.get(TimeOptions.IDLE_AFTER);
        Duration startupGrace = configuration.get(TimeOptions.STARTUP_GRACE);
        return WatermarkStrategy.<UnifiedEvent>forGenerator(
                        context ->
                                new WallClockAwareWatermarks<>(
                                        outOfOrderness,
                                        idleAfter,
                                        startupGrace,
                                        System::currentTimeMillis))
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
