package org.pingzhi.jobs.time;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Right after a live source, lets the wall clock move time while the source subtask is idle as a
 * whole: none of its partitions has delivered an event since the start (after a restart in a silent
 * night, or a subtask without partitions). Then no split generator runs the wall-clock floor of
 * {@link WallClockAwareWatermarks}, and without this the restored incidents' deadlines would wait
 * for the next record. While any partition delivers, the source is active and its watermark (the
 * minimum over its partitions) passes through, never going back behind what was emitted. A record
 * that is a sign of life ends the idleness at once, before the source's next watermark says so.
 */
public final class WallClockWhileIdle<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    /** Which records show that the input is alive, as they do to its watermark generators. */
    @FunctionalInterface
    public interface SignOfLife<T> extends Serializable {
        boolean shows(T record);
    }

    private final long outOfOrdernessMillis;
    private final long intervalMillis;
    private final SignOfLife<T> signOfLife;

    private transient boolean inputIdle;
    private transient long emitted;

    /**
     * @param outOfOrderness how far the watermark trails the wall clock, as it trails the records
     * @param interval how often the wall clock is looked at (Flink's watermark interval)
     * @param signOfLife the records after which the source leaves its idleness (a dead letter does
     *     not: the source stays idle, so this must keep moving time)
     */
    public WallClockWhileIdle(
            Duration outOfOrderness, Duration interval, SignOfLife<T> signOfLife) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.signOfLife = signOfLife;
    }

    @Override
    public void open() throws Exception {
        super.open();
        emitted = Long.MIN_VALUE;
        scheduleNext();
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        // the source says it is active again only with its next watermark: a wall-clock watermark
        // in between would judge this record, and those read with it, at the wall clock's time
        if (signOfLife.shows(element.getValue())) {
            inputIdle = false;
        }
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) {
        forward(mark.getTimestamp());
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {
        // an idle input is not passed on: while it is idle this operator's watermark is the wall
        // clock's, and the records that come once it is active again are judged from there
        inputIdle = status.isIdle();
    }

    @Override
    public void onProcessingTime(long time) {
        if (inputIdle) {
            forward(time - outOfOrdernessMillis - 1);
        }
        scheduleNext();
    }

    private void forward(long watermark) {
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    private void scheduleNext() {
        ProcessingTimeCallback callback = this;
        getProcessingTimeService()
                .registerTimer(
                        getProcessingTimeService().getCurrentProcessingTime() + intervalMillis,
                        callback);
    }
}
