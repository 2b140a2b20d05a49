package org.pingzhi.jobs.time;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * Lets only accepted events reach a watermark generator: a dead letter has no event time to trust,
 * so it must neither move event time nor count as a sign of life of its partition.
 */
public final class AcceptedEventsOnly
        implements WatermarkGenerator<Either<UnifiedEvent, DeadLetter>> {

    private final WatermarkGenerator<UnifiedEvent> events;

    public AcceptedEventsOnly(WatermarkGenerator<UnifiedEvent> events) {
        this.events = events;
    }

    /** Whether a record is an accepted event, the only sign of life of a partition. */
    public static boolean accepted(Either<UnifiedEvent, DeadLetter> record) {
        return record.isLeft();
    }

    @Override
    public void onEvent(
            Either<UnifiedEvent, DeadLetter> record, long eventTimestamp, WatermarkOutput output) {
        if (accepted(record)) {
            events.onEvent(record.left(), eventTimestamp, output);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        events.onPeriodicEmit(output);
    }
}
