package org.pingzhi.jobs.time;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Event-time watermarks that keep moving between records and in a silent night.
 *
 * <p>The watermark trails the partition's event time by the bounded out-of-orderness. While the
 * partition is caught up (its newest record was read within the out-of-orderness of its event
 * time), event time does not stand still between records: it is taken to have moved on with the
 * wall clock since that record was read, never beyond the wall clock. Otherwise a deadline would
 * wait, beyond the out-of-orderness, for the next record of the partition that is slowest to bring
 * one, which at a few records a second per partition is a second or more. A partition catching up a
 * backlog (records read more than the out-of-orderness after their event time) trails its newest
 * event time only, as usual: the wall clock would make its records late.
 *
 * <p>Once no record has arrived for {@code idleAfter} of wall-clock time, the wall clock (less the
 * same bound) becomes a floor, so that deadlines fire on time with no new records. A silence after
 * a partition that was catching up (its newest record read later than the out-of-orderness after
 * its event time) may only be a pause in reading a backlog (a fetch slow on a loaded machine, after
 * a restore): there the floor waits until the input's {@link Backlog} says nothing written is left
 * unread ({@link CatchUp}), else the rest of the backlog would become late records.
 *
 * <p>Right after a (re)start, a source may take a while to deliver its backlog; treating it as idle
 * then would turn the whole backlog into late records. So an input only counts as idle once {@code
 * startupGrace} has passed without a record and its {@link Backlog} says nothing is left unread.
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
    private final CatchUp catchUp;
    private final LongSupplier wallClock;

    private long maxEventTime = Long.MIN_VALUE;
    private long maxEventTimeReadAt;
    private long lastRecordWallTime;
    private long emitted = Long.MIN_VALUE;
    private boolean markedIdle;

    public WallClockAwareWatermarks(
            Duration outOfOrderness,
            Duration idleAfter,
            Duration startupGrace,
            CatchUp catchUp,
            LongSupplier wallClock) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.idleAfterMillis = idleAfter.toMillis();
        this.catchUp = catchUp;
        this.wallClock = wallClock;
        this.lastRecordWallTime =
                wallClock.getAsLong() + Math.max(0, startupGrace.toMillis() - idleAfterMillis);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        long now = wallClock.getAsLong();
        if (eventTimestamp > maxEventTime) {
            maxEventTime = eventTimestamp;
            maxEventTimeReadAt = now;
        }
        lastRecordWallTime = now;
        catchUp.recordRead();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = wallClock.getAsLong();
        boolean silent = now - lastRecordWallTime >= idleAfterMillis;
        if (maxEventTime == Long.MIN_VALUE) {
            if (silent && !markedIdle && catchUp.caughtUp(now)) {
                markedIdle = true;
                output.markIdle();
            }
            return;
        }
        long candidate = trailing(eventTimeNow(now));
        if (silent && (newestReadOnTime() || catchUp.caughtUp(now))) {
            candidate = Math.max(candidate, trailing(now));
        }
        if (candidate > emitted) {
            emitted = candidate;
            output.emitWatermark(new Watermark(candidate));
        }
    }

    /**
     * The partition's event time at wall-clock time {@code now}: the newest event time, moved on by
     * the wall time since it was read while the partition is caught up, up to the wall clock.
     */
    private long eventTimeNow(long now) {
        if (!newestReadOnTime()) {
            return maxEventTime;
        }
        return Math.max(maxEventTime, Math.min(now, maxEventTime + (now - maxEventTimeReadAt)));
    }

    /** Whether the partition's newest record was read within the out-of-orderness of its time. */
    private boolean newestReadOnTime() {
        return maxEventTimeReadAt - maxEventTime <= outOfOrdernessMillis;
    }

    private long trailing(long time) {
        return time - outOfOrdernessMillis - 1;
    }
}
