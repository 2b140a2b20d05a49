package org.pingzhi.jobs.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class ReplayWatermarksTest {

    private static final int BLOCK = 1000;

    @Test
    void noRecordOfTheFileIsLateAndEachStepIsAsHighAsThatAllows() {
        Random random = new Random(7);
        int records = BLOCK * 9 + 123;
        long[] eventTimes = new long[records];
        boolean[] rejected = new boolean[records];
        for (int i = 0; i < records; i++) {
            // in order but minutes out of it, and one record in a hundred rejected
            eventTimes[i] = i * 1_000L + random.nextInt(600_000) - 300_000;
            rejected[i] = random.nextInt(100) == 0;
        }
        // one record an hour behind pins the watermark until it is read
        eventTimes[BLOCK * 5 + 7] = BLOCK * 2L * 1_000 - 3_600_000;

        List<long[]> emitted = run(eventTimes, rejected);

        assertThat(emitted).isNotEmpty();
        long previous = Long.MIN_VALUE;
        for (long[] step : emitted) {
            long afterRecords = step[0];
            long watermark = step[1];
            assertThat(afterRecords % BLOCK).isZero();
            assertThat(watermark).isGreaterThan(previous);
            previous = watermark;
            long earliestLater = Long.MAX_VALUE;
            for (int later = (int) afterRecords; later < records; later++) {
                if (!rejected[later]) {
                    earliestLater = Math.min(earliestLater, eventTimes[later]);
                }
            }
            assertThat(watermark).isEqualTo(earliestLater - 1);
        }
        assertThat(emitted.stream().filter(step -> step[0] <= BLOCK * 5L))
                .allMatch(step -> step[1] < BLOCK * 2L * 1_000 - 3_600_000);
    }

    @Test
    void aFileWhoseEarliestRecordComesLastWaitsForIt() {
        int records = BLOCK * 3;
        long[] eventTimes = new long[records];
        for (int i = 0; i < records; i++) {
            eventTimes[i] = 1_000_000L + i;
        }
        eventTimes[records - 1] = 0;

        assertThat(run(eventTimes, new boolean[records])).containsExactly(new long[] {BLOCK, -1});
    }

    @Test
    void aRejectedRecordHoldsNothingBack() {
        int records = BLOCK * 2;
        long[] eventTimes = new long[records];
        boolean[] rejected = new boolean[records];
        for (int i = 0; i < records; i++) {
            eventTimes[i] = 1_000_000L + i;
        }
        rejected[records - 1] = true;
        eventTimes[records - 1] = 0;

        assertThat(run(eventTimes, rejected))
                .containsExactly(new long[] {BLOCK, 1_000_000L + BLOCK - 1});
    }

    private static List<long[]> run(long[] eventTimes, boolean[] rejected) {
        ReplayWatermarks.Builder scan = new ReplayWatermarks.Builder(BLOCK);
        for (int i = 0; i < eventTimes.length; i++) {
            if (rejected[i]) {
                scan.rejected();
            } else {
                scan.accepted(eventTimes[i]);
            }
        }
        WatermarkGenerator<Long> generator = scan.build().generator();
        List<long[]> emitted = new ArrayList<>();
        long[] read = {0};
        WatermarkOutput output =
                new WatermarkOutput() {
                    @Override
                    public void emitWatermark(Watermark watermark) {
                        emitted.add(new long[] {read[0], watermark.getTimestamp()});
                    }

                    @Override
                    public void markIdle() {}

                    @Override
                    public void markActive() {}
                };
        for (int i = 0; i < eventTimes.length; i++) {
            read[0]++;
            generator.onEvent(eventTimes[i], eventTimes[i], output);
            generator.onPeriodicEmit(output);
        }
        return emitted;
    }
}
