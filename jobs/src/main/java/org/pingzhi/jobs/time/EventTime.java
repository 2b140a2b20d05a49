package org.pingzhi.jobs.time;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.AlertAcknowledgement;

/**
 * How event time advances in each mode of the command-center job. Both strategies go on the
 * sources, whose records are already normalized: Flink's sources run one watermark generator per
 * split (Kafka partition, replay file) and emit the minimum, so a partition that lags behind the
 * others keeps its own time instead of having its records made late by its neighbours'.
 */
public final class EventTime {

    private EventTime() {}

    /**
     * Live: per partition, the watermark trails the records by the out-of-orderness and follows the
     * wall clock once that partition has been silent for a while (see {@link TimeOptions}), and,
     * after old records or none since the start, once {@code backlog} says its topic has nothing
     * left unread.
     *
     * <p>Flink's {@code withIdleness} is not used: it stops asking an idle split's generator for
     * watermarks, which would stop the wall clock too; {@link WallClockAwareWatermarks} marks an
     * input idle itself while it has never delivered an event, and {@link WallClockWhileIdle} after
     * the source lets the wall clock move a source subtask that is idle as a whole.
     */
    public static WatermarkStrategy<Either<UnifiedEvent, DeadLetter>> live(
            ReadableConfig configuration, Backlog backlog) {
        WatermarkGeneratorSupplier<UnifiedEvent> wallClockAware =
                wallClockAware(configuration, backlog);
        return WatermarkStrategy.<Either<UnifiedEvent, DeadLetter>>forGenerator(
                        context ->
                                new AcceptedEventsOnly(
                                        wallClockAware.createWatermarkGenerator(context)))
                .withTimestampAssigner(EventTime::timestampOf);
    }

    /**
     * The acknowledgements' time is when they were received (wall clock), with the same generator
     * as the live sources: a topic that never delivered holds nobody back, a silent one follows the
     * wall clock.
     */
    public static WatermarkStrategy<AlertAcknowledgement> acknowledgements(
            ReadableConfig configuration, Backlog backlog) {
        return WatermarkStrategy.forGenerator(
                        EventTime.<AlertAcknowledgement>wallClockAware(configuration, backlog))
                .withTimestampAssigner((ack, readTimestamp) -> ack.at());
    }

    private static <T> WatermarkGeneratorSupplier<T> wallClockAware(
            ReadableConfig configuration, Backlog backlog) {
        Duration outOfOrderness = configuration.get(TimeOptions.OUT_OF_ORDERNESS);
        Duration idleAfter = configuration.get(TimeOptions.IDLE_AFTER);
        Duration startupGrace = configuration.get(TimeOptions.STARTUP_GRACE);
        Duration catchUpTimeout = configuration.get(TimeOptions.CATCH_UP_TIMEOUT);
        return context ->
                new WallClockAwareWatermarks<>(
                        outOfOrderness,
                        idleAfter,
                        startupGrace,
                        new CatchUp(backlog, catchUpTimeout),
                        System::currentTimeMillis);
    }

    /**
     * Replay: time is the records' event time alone, and moves only as far as no later record of
     * the file falls behind it, so every deadline is decided knowing all records up to it.
     */
    public static WatermarkStrategy<Either<UnifiedEvent, DeadLetter>> replay(
            ReplayWatermarks watermarks) {
        return WatermarkStrategy.<Either<UnifiedEvent, DeadLetter>>forGenerator(
                        context -> watermarks.generator())
                .withTimestampAssigner(EventTime::timestampOf);
    }

    /** An event's own time; a dead letter keeps the timestamp it was read with. */
    private static long timestampOf(Either<UnifiedEvent, DeadLetter> record, long readTimestamp) {
        return record.isLeft() ? record.left().eventTime() : readTimestamp;
    }
}
