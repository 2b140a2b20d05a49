package org.pingzhi.jobs.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.lifecycle.TestEvents;

class WallClockAwareWatermarksTest {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

    private final AtomicLong wallClock = new AtomicLong(1_000_000L);
    private final RecordingOutput output = new RecordingOutput();
    private final ScriptedBacklog backlog = new ScriptedBacklog();
    private final WallClockAwareWatermarks<String> watermarks = generator(backlog);

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
    void followsTheWallClockBetweenTheRecordsOfAPartitionThatIsCaughtUp() {
        watermarks.onEvent("live", wallClock.get() - 40, output);
        wallClock.addAndGet(700);
        watermarks.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(wallClock.get() - 40 - 3_001);
    }

    @Test
    void aRecordReadWithinTheOutOfOrdernessOfItsEventTimeIsNotLate() {
        watermarks.onEvent("live", wallClock.get(), output);
        wallClock.addAndGet(1_500);
        watermarks.onPeriodicEmit(output);
        long delayed = wallClock.get() - 2_999;
        watermarks.onEvent("delayed", delayed, output);
        watermarks.onPeriodicEmit(output);

        assertThat(output.last()).isLessThan(delayed);
    }

    @Test
    void doesNotRunAheadOfTheWallClockFromARecordStampedInTheFuture() {
        long ahead = wallClock.get() + 60_000;
        watermarks.onEvent("ahead", ahead, output);
        wallClock.addAndGet(1_000);
        watermarks.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(ahead - 3_001);
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
    void anInputWithoutRecordsIsMarkedIdleAfterTheStartupGraceAndEmitsNoWatermark() {
        wallClock.addAndGet(9_999);
        watermarks.onPeriodicEmit(output);
        assertThat(output.idleMarks).isZero();

        wallClock.addAndGet(1);
        watermarks.onPeriodicEmit(output);
        wallClock.addAndGet(60_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.idleMarks).isEqualTo(1);
        assertThat(output.emitted).isEmpty();
    }

    @Test
    void anInputMarkedIdleWatermarksAgainFromItsFirstRecord() {
        wallClock.addAndGet(10_000);
        watermarks.onPeriodicEmit(output);
        watermarks.onEvent("first", 990_000L, output);
        watermarks.onPeriodicEmit(output);

        assertThat(output.emitted).containsExactly(990_000L - 3_001);
    }

    @Test
    void aDeadLetterNeitherMovesEventTimeNorKeepsAnInputFromBeingSilent() {
        AcceptedEventsOnly accepted = new AcceptedEventsOnly(this.<UnifiedEvent>generator(backlog));
        accepted.onEvent(
                Either.Left(TestEvents.police("J-1", "RECEIVED", 990_000L).build()),
                990_000L,
                output);
        accepted.onPeriodicEmit(output);
        wallClock.addAndGet(1_000);
        accepted.onEvent(Either.Right(deadLetter()), 2_000_000L, output);
        wallClock.addAndGet(1_000);
        accepted.onPeriodicEmit(output);

        assertThat(output.emitted).containsExactly(990_000L - 3_001, wallClock.get() - 3_001);
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

    @Test
    void aSilenceAfterOldRecordsWaitsUntilTheBacklogIsRead() {
        backlog.answer(true);
        watermarks.onEvent("backlog", 990_000L, output);
        wallClock.addAndGet(2_000);
        watermarks.onPeriodicEmit(output);
        wallClock.addAndGet(5_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.emitted)
                .as("a pause in reading a backlog is no silence of the partition")
                .containsExactly(990_000L - 3_001);

        backlog.answer(false);
        wallClock.addAndGet(1_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);
    }

    @Test
    void aSilenceAfterARecordReadOnTimeFollowsTheWallClockWithoutAsking() {
        backlog.answer(true);
        watermarks.onEvent("live", wallClock.get() - 100, output);
        wallClock.addAndGet(2_000);
        watermarks.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);
        assertThat(backlog.questions).isZero();
    }

    @Test
    void anInputWithoutRecordsIsNotMarkedIdleWhileItsTopicHasRecordsToRead() {
        backlog.answer(true);
        wallClock.addAndGet(10_000);
        watermarks.onPeriodicEmit(output);
        wallClock.addAndGet(30_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.idleMarks).isZero();

        backlog.answer(false);
        wallClock.addAndGet(1_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.idleMarks).isEqualTo(1);
    }

    @Test
    void aBacklogThatGivesNoAnswerHoldsTheWallClockBackOnlyUntilTheCatchUpTimeout() {
        backlog.neverAnswer();
        watermarks.onEvent("backlog", 990_000L, output);
        wallClock.addAndGet(2_000);
        watermarks.onPeriodicEmit(output);
        wallClock.addAndGet(CATCH_UP_TIMEOUT.toMillis() - 1);
        watermarks.onPeriodicEmit(output);
        assertThat(output.emitted).containsExactly(990_000L - 3_001);

        wallClock.addAndGet(1);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);
    }

    @Test
    void aFailedAnswerCountsAsUnreadAndIsAskedAgain() {
        backlog.fail();
        watermarks.onEvent("backlog", 990_000L, output);
        wallClock.addAndGet(2_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.emitted).containsExactly(990_000L - 3_001);

        backlog.answer(false);
        wallClock.addAndGet(1_000);
        watermarks.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(wallClock.get() - 3_001);
        assertThat(backlog.questions).isEqualTo(2);
    }

    @Test
    void anAnswerGivenBeforeARecordWasReadDoesNotCountForTheSilenceAfterIt() {
        backlog.answer(false);
        watermarks.onEvent("backlog", 990_000L, output);
        wallClock.addAndGet(2_000);
        watermarks.onPeriodicEmit(output);
        long first = output.last();

        backlog.answer(true);
        watermarks.onEvent("more backlog", 995_000L, output);
        wallClock.addAndGet(2_000);
        watermarks.onPeriodicEmit(output);

        assertThat(first).isEqualTo(1_002_000L - 3_001);
        assertThat(output.emitted).containsExactly(first);
    }

    private <T> WallClockAwareWatermarks<T> generator(Backlog backlog) {
        return new WallClockAwareWatermarks<>(
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                new CatchUp(backlog, CATCH_UP_TIMEOUT),
                wallClock::get);
    }

    private static DeadLetter deadLetter() {
        return new DeadLetter(
                ReasonCode.BAD_TIMESTAMP,
                "in the future",
                "police-110",
                0,
                1,
                "{}",
                null,
                null,
                null,
                null);
    }

    /** Answers every question with what the test last said; none unread unless told. */
    private static final class ScriptedBacklog implements Backlog {
        private static final long serialVersionUID = 1L;
        private transient CompletableFuture<Boolean> next =
                CompletableFuture.completedFuture(false);
        int questions;

        void answer(boolean unread) {
            next = CompletableFuture.completedFuture(unread);
        }

        void neverAnswer() {
            next = new CompletableFuture<>();
        }

        void fail() {
            next = CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
        }

        @Override
        public CompletableFuture<Boolean> unread() {
            questions++;
            return next;
        }
    }

    private static final class RecordingOutput implements WatermarkOutput {
        final List<Long> emitted = new ArrayList<>();
        int idleMarks;

        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            idleMarks++;
        }

        @Override
        public void markActive() {}

        long last() {
            return emitted.get(emitted.size() - 1);
        }
    }
}
