package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.rules.RuleInputs.HOUR;
import static org.pingzhi.jobs.rules.RuleInputs.MINUTE;
import static org.pingzhi.jobs.rules.RuleInputs.NO_WATERMARK;
import static org.pingzhi.jobs.rules.RuleInputs.TOWN;
import static org.pingzhi.jobs.rules.RuleInputs.at;
import static org.pingzhi.jobs.rules.RuleInputs.decision;
import static org.pingzhi.jobs.rules.RuleInputs.incident;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.ActiveHours;
import org.pingzhi.common.rules.Baseline;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.TestRules;

/**
 * SURGE, FEED_SILENCE, BREACH_RATE and BACKLOG state in their own serializers: each kind's group,
 * mid-episode with inputs not walked yet, read back (and copied) goes on exactly as the original.
 */
class GroupStateSerializersTest {

    /** An hour of 2, then a surging hour of 4 walked to its third, a fourth waiting. */
    private static SurgeEpisodes surging() {
        SurgeEpisodes state =
                new SurgeEpisodes(
                        TestRules.surge("2", 3, new Baseline.SameTimeOfDay(1), Duration.ofHours(1)),
                        List.of(TOWN),
                        at(0),
                        at(-HOUR));
        for (int day = 0; day < 2; day++) {
            int count = day == 0 ? 2 : 5;
            for (int i = 0; i < count; i++) {
                state.add(
                        incident("12345-" + day + "-" + i, at(day * 24 * HOUR + i * MINUTE)),
                        NO_WATERMARK);
            }
        }
        state.advanceTo(at(24 * HOUR + 3 * MINUTE));
        return state;
    }

    /** A silence open since 00:15 (records at 00:00 and before), one record waiting at 00:40. */
    private static FeedSilenceEpisodes silent() {
        FeedSilenceEpisodes state =
                new FeedSilenceEpisodes(
                        TestRules.feedSilence(TOWN, new ActiveHours(0, 1440)),
                        List.of("110", TOWN));
        state.add(at(-MINUTE));
        state.add(at(0));
        state.advanceTo(at(20 * MINUTE));
        state.add(at(40 * MINUTE));
        return state;
    }

    /** A firing hour of 4 breaches judged, the next hour's decisions half walked. */
    private static BreachRateEpisodes breaching() {
        BreachRateEpisodes state =
                new BreachRateEpisodes(TestRules.breachRate("0.5", 4), List.of(TOWN));
        for (int i = 0; i < 4; i++) {
            state.add(decision("110-a" + i, at(i * MINUTE), true), NO_WATERMARK);
        }
        for (int i = 0; i < 4; i++) {
            state.add(decision("110-b" + i, at(HOUR + i * 10 * MINUTE), i % 2 == 0), NO_WATERMARK);
        }
        state.advanceTo(at(HOUR + 15 * MINUTE));
        return state;
    }

    /** Four open for 6 minutes (fired at 5), one ending at 7 waiting. */
    private static BacklogEpisodes backlogged() {
        BacklogEpisodes state =
                new BacklogEpisodes(
                        TestRules.backlog(RuleFilter.NONE, 2, Duration.ofMinutes(5)),
                        List.of(TOWN));
        for (int i = 0; i < 4; i++) {
            state.change(null, new OpenInterval(at(0), null), NO_WATERMARK);
        }
        state.advanceTo(at(6 * MINUTE));
        state.change(
                new OpenInterval(at(0), null),
                new OpenInterval(at(0), at(7 * MINUTE)),
                at(6 * MINUTE));
        return state;
    }

    @Test
    void aSurgeReadBackGoesOnAsTheOriginalDoes() throws Exception {
        readBackGoesOn(surging(), SurgeEpisodesSerializer.INSTANCE, at(3 * 24 * HOUR));
        assertThat(surging().advanceTo(at(3 * 24 * HOUR)))
                .as("the sample has an open surge to resolve")
                .isNotEmpty();
    }

    @Test
    void aSilenceReadBackGoesOnAsTheOriginalDoes() throws Exception {
        readBackGoesOn(silent(), FeedSilenceEpisodesSerializer.INSTANCE, at(2 * HOUR));
    }

    @Test
    void aBreachRateReadBackGoesOnAsTheOriginalDoes() throws Exception {
        readBackGoesOn(breaching(), BreachRateEpisodesSerializer.INSTANCE, at(4 * HOUR));
    }

    @Test
    void aBacklogReadBackGoesOnAsTheOriginalDoes() throws Exception {
        readBackGoesOn(backlogged(), BacklogEpisodesSerializer.INSTANCE, at(10 * MINUTE));
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        copyIsIndependent(SurgeEpisodesSerializer.INSTANCE, GroupStateSerializersTest::surging);
        copyIsIndependent(
                FeedSilenceEpisodesSerializer.INSTANCE, GroupStateSerializersTest::silent);
        copyIsIndependent(
                BreachRateEpisodesSerializer.INSTANCE, GroupStateSerializersTest::breaching);
        copyIsIndependent(
                BacklogEpisodesSerializer.INSTANCE, GroupStateSerializersTest::backlogged);
    }

    @Test
    void everySnapshotIsAtItsFirstVersion() {
        for (GroupStateSerializer<?> serializer :
                List.of(
                        SurgeEpisodesSerializer.INSTANCE,
                        FeedSilenceEpisodesSerializer.INSTANCE,
                        BreachRateEpisodesSerializer.INSTANCE,
                        BacklogEpisodesSerializer.INSTANCE)) {
            assertThat(serializer.snapshotConfiguration())
                    .extracting(TypeSerializerSnapshot::getCurrentVersion)
                    .isEqualTo(1);
        }
    }

    private static <S extends RuleGroupState> void readBackGoesOn(
            S original, GroupStateSerializer<S> serializer, long later) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(original, out);
        S back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back.nextWakeUp()).isEqualTo(original.nextWakeUp());
        assertThat(back.isEmpty()).isEqualTo(original.isEmpty());
        assertThat(back.endedAt(Long.MIN_VALUE)).isEqualTo(original.endedAt(Long.MIN_VALUE));
        assertThat(back.advanceTo(later)).isEqualTo(original.advanceTo(later));
        assertThat(back.nextWakeUp()).isEqualTo(original.nextWakeUp());
    }

    private static <S extends RuleGroupState> void copyIsIndependent(
            GroupStateSerializer<S> serializer, Supplier<S> sample) {
        S original = sample.get();
        S copy = serializer.copy(original);

        List<EpisodeEvent> copyAdvanced = copy.advanceTo(at(7 * 24 * HOUR));

        assertThat(original.advanceTo(at(7 * 24 * HOUR))).isEqualTo(copyAdvanced);
    }
}
