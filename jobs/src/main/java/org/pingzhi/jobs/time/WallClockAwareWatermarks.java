package org.pingzhi.jobs.time;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event-time watermarks that keep moving in a silent night.
 *
 * <p>While records flow, the watermark trails the highest event time seen by the bounded
 * out-of-orderness, as usual. Once no record has arrived for {@code idleAfter} of wall-clock time,
 * the wall clock (less the same bound) becomes a floor, so that deadlines fire on time with no new
 * records. It only does so when idle: while a backlog is being caught up after a restart, events
 * are old and the wall clock would make every one of them late.
 *
 * <p>Right after a (re)start, a source may take a while to deliver its backlog; treating it as idle
 * then would turn the whole backlog into late records. So an input only counts as idle once {@code
 * startupGrace} has passed without a record.
 *
 * <p>An input that has not delivered a single record since the generator was made emits no
 * watermark: once it counts as idle it is marked idle, so it holds nobody back. In a Flink source
 * one generator runs per split and one for the reader as a whole, whose watermark Flink takes over
 * the splits' minimum if higher; the reader's generator never sees a record (the Kafka and file
 * readers emit per split), and a wall-clock watermark from it would make a lagging partition's
 * records late.
 *
 * <p>A record that arrives behind the watermark is still processed downstream (the lifecycle
 * corrects what it proves wrong); the watermark itself never goes back.
 */
public final class WallClockAwareWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMillis;
    private final long idleAfterMillis;
    private final LongSupplier wallClock;

    private long maxEventTime = Long.MIN_VALUE;
    private long lastRecordWallTime;
    private long emitted = Long.MIN_VALUE;
    private boolean markedIdle;

    public WallClockAwareWatermarks(
            Duration outOfOrderness,
            Duration idleAfter,
            Duration startupGrace,
            LongSupplier wallClock) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.idleAfterMillis = idleAfter.toMillis();
        this.wallClock = wallClock;
        this.lastRecordWallTime =
                wallClock.getAsLong() + Math.max(0, startupGrace.toMillis() - idleAfterMillis);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxEventTime = Math.max(maxEventTime, eventTimestamp);
        lastRecordWallTime = wallClock.getAsLong();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = wallClock.getAsLong();
        boolean silent = now - lastRecordWallTime >= idleAfterMillis;
        if (maxEventTime == Long.MIN_VALUE) {
            if (silent && !markedIdle) {
                markedIdle = true;
                output.markIdle();
            }
            return;
        }
        long candidate = trailing(maxEventTime);
        if (silent) {
            candidate = Math.max(candidate, trailing(now));
        }
        if (candidate > emitted) {
            emitted = candidate;
            output.emitWatermark(new Watermark(candidate));
        }
    }

    private long trailing(long time) {
        return time - outOfOrdernessMillis - 1;
    }
}
