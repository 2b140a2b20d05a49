package org.pingzhi.jobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class HotspotEpisodesSerializerTest {

    private static final long MINUTE = 60_000L;

    private static RuleIncident incident(String id, long reportedAt) {
        return new RuleIncident(
                id, reportedAt, "330482001", null, null, "DISPUTE", "12345", "P3", null, null);
    }

    /** An open episode of three, one incident waiting and the walk at 10 minutes. */
    private static HotspotEpisodes openEpisode() {
        HotspotEpisodes state =
                new HotspotEpisodes(List.of("330482001"), 3, Duration.ofMinutes(30));
        state.add(incident("a", 0));
        state.add(incident("b", 5 * MINUTE));
        state.add(incident("c", 10 * MINUTE));
        state.advanceTo(10 * MINUTE);
        state.add(incident("d", 20 * MINUTE));
        return state;
    }

    private static HotspotEpisodes roundTrip(HotspotEpisodes state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        HotspotEpisodesSerializer.INSTANCE.serialize(state, out);
        return HotspotEpisodesSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void aGroupReadBackGoesOnAsTheOriginalDoes() throws Exception {
        HotspotEpisodes original = openEpisode();
        HotspotEpisodes back = roundTrip(original);

        assertThat(back.nextWakeUp()).isEqualTo(original.nextWakeUp());
        assertThat(back.add(incident("late", 10 * MINUTE))).isFalse();
        assertThat(back.advanceTo(60 * MINUTE)).isEqualTo(original.advanceTo(60 * MINUTE));
        assertThat(back.isEmpty()).isTrue();
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        HotspotEpisodes original = openEpisode();
        HotspotEpisodes copy = HotspotEpisodesSerializer.INSTANCE.copy(original);

        copy.advanceTo(60 * MINUTE);

        assertThat(copy.isEmpty()).isTrue();
        assertThat(original.isEmpty()).isFalse();
        assertThat(original.advanceTo(20 * MINUTE)).hasSize(1);
    }

    @Test
    void theSnapshotIsAtItsFirstVersion() {
        assertThat(HotspotEpisodesSerializer.INSTANCE.snapshotConfiguration())
                .isInstanceOf(HotspotEpisodesSerializer.Snapshot.class)
                .extracting(TypeSerializerSnapshot::getCurrentVersion)
                .isEqualTo(1);
    }
}
