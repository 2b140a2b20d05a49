package org.pingzhi.jobs.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class WallClockAwareWatermarksTest {

    private final AtomicLong wallClock = new AtomicLong(1_000_000L);
    private final RecordingOutput output = new RecordingOutput();
    private final WallClockAwareWatermarks<String> watermarks =
            new WallClockAwareWatermarks<>(
                    Duration.ofSeconds(3),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(10),
                    wallClock::get);

    @Test
    void trailsTheNewestEventTimeWhileRecordsFlow() {
        watermarks.onEvent("a", 500_000L, output);
        watermarks.onEvent("b", 490_000L, output);
        watermarks.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(500_000L - 3_000 - 1);
    }

    @Test
    void followsTheWallClockOnceTheInputsAreSilent() {
        watermarks.onEvent("a", 990_000L, output);
        wallClock.addAndGet(1_999);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(990_000L - 3_001);

        wallClock.addAndGet(1);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);

        wallClock.addAndGet(60_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);
    }

    @Test
    void doesNotUseTheWallClockWhileABacklogIsReplayed() {
        for (int i = 0; i < 10; i++) {
            wallClock.addAndGet(1_000);
            watermarks.onEvent("old", 100_000L + i, output);
            watermarks.onPeriodicEmit(output);
        }

        assertThat(output.last()).isEqualTo(100_009L - 3_001);
    }

    @Test
    void neverGoesBackNorRepeatsItself() {
        watermarks.onEvent("a", 500_000L, output);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent("late", 100_000L, output);
        watermarks.onPeriodicEmit(output);

        assertThat(output.emitted).containsExactly(500_000L - 3_001);
    }

    @Test
    void aSourceWithoutRecordsFollowsTheWallClockAfterTheStartupGrace() {
        wallClock.addAndGet(9_999);
        watermarks.onPeriodicEmit(output);
        assertThat(output.emitted).isEmpty();

        wallClock.addAndGet(1);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);
    }

    @Test
    void aBacklogDeliveredLateAfterAStartIsNotTurnedIntoLateRecords() {
        wallClock.addAndGet(8_000);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent("backlog", 100_000L, output);
        wallClock.addAndGet(1_000);
        watermarks.onPeriodicEmit(output);

        assertThat(output.emitted).containsExactly(100_000L - 3_001);
    }

    private static final class RecordingOutput implements WatermarkOutput {
        final List<Long> emitted = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        long last() {
            return emitted.get(emitted.size() - 1);
        }
    }
}
