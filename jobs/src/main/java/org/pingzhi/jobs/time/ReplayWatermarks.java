package org.pingzhi.jobs.time;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * The watermarks a replay file can carry without making any of its records late: after each block
 * of records ({@link TimeOptions#REPLAY_WATERMARK_STEP}), just below the earliest event time of the
 * records after it. Known from a first pass over the file; with them a replay drops an incident's
 * state as a live run would, instead of holding all of history until the end of the input, and
 * every deadline is still decided knowing every record at or before it.
 */
public final class ReplayWatermarks implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final long NO_LATER_RECORD = Long.MAX_VALUE;

    private final int blockRecords;

    /** The watermark allowed after each block; {@link Long#MIN_VALUE} when none is. */
    private final long[] afterBlock;

    private ReplayWatermarks(int blockRecords, long[] afterBlock) {
        this.blockRecords = blockRecords;
        this.afterBlock = afterBlock;
    }

    /** The watermark allowed once {@code records} records of the file were read. */
    long allowedAfter(long records) {
        long block = records / blockRecords - 1;
        return block < 0 || block >= afterBlock.length ? Long.MIN_VALUE : afterBlock[(int) block];
    }

    /** A generator that emits these watermarks as the file's records pass through it. */
    public <T> WatermarkGenerator<T> generator() {
        return new Generator<>(this);
    }

    /** Takes the file's records in order: their event time, or none for a rejected one. */
    public static final class Builder {
        private final int blockRecords;
        private long[] blockMinima = new long[64];
        private int blocks;
        private long records;
        private long currentMinimum = NO_LATER_RECORD;

        /** Blocks of {@code blockRecords} records each. */
        public Builder(int blockRecords) {
            if (blockRecords < 1) {
                throw new IllegalArgumentException(
                        TimeOptions.REPLAY_WATERMARK_STEP.key()
                                + " must be at least 1: "
                                + blockRecords);
            }
            this.blockRecords = blockRecords;
        }

        public void accepted(long eventTime) {
            currentMinimum = Math.min(currentMinimum, eventTime);
            counted();
        }

        public void rejected() {
            counted();
        }

        private void counted() {
            records++;
            if (records % blockRecords == 0) {
                endBlock();
            }
        }

        private void endBlock() {
            if (blocks == blockMinima.length) {
                blockMinima = Arrays.copyOf(blockMinima, blocks * 2);
            }
            blockMinima[blocks++] = currentMinimum;
            currentMinimum = NO_LATER_RECORD;
        }

        public ReplayWatermarks build() {
            if (records % blockRecords != 0) {
                endBlock();
            }
            long[] afterBlock = new long[blocks];
            long laterMinimum = NO_LATER_RECORD;
            for (int block = blocks - 1; block >= 0; block--) {
                afterBlock[block] =
                        laterMinimum == NO_LATER_RECORD ? Long.MIN_VALUE : laterMinimum - 1;
                laterMinimum = Math.min(laterMinimum, blockMinima[block]);
            }
            return new ReplayWatermarks(blockRecords, afterBlock);
        }
    }

    /**
     * Counts the records it sees. After a failover that skips records already read it counts fewer
     * than were read, so it only ever lags behind what is allowed.
     */
    private static final class Generator<T> implements WatermarkGenerator<T> {
        private final ReplayWatermarks watermarks;
        private long records;
        private long emitted = Long.MIN_VALUE;

        Generator(ReplayWatermarks watermarks) {
            this.watermarks = watermarks;
        }

        @Override
        public void onEvent(T record, long eventTimestamp, WatermarkOutput output) {
            records++;
            long allowed = watermarks.allowedAfter(records);
            if (allowed > emitted) {
                emitted = allowed;
                output.emitWatermark(new Watermark(allowed));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
