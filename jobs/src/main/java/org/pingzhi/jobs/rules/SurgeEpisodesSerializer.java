package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link SurgeEpisodes} as its operator keeps it in state, field by field: the group, the rule's
 * window, factor, minimum and baseline, the history start, the incidents not walked yet, the
 * windows' counts, the current window and the open episode.
 */
public final class SurgeEpisodesSerializer extends GroupStateSerializer<SurgeEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final SurgeEpisodesSerializer INSTANCE = new SurgeEpisodesSerializer();

    @Override
    void write(SurgeEpisodes state, DataOutputView out) throws IOException {
        state.writeTo(out);
    }

    @Override
    SurgeEpisodes read(DataInputView in) throws IOException {
        return SurgeEpisodes.readFrom(in);
    }

    @Override
    public TypeSerializerSnapshot<SurgeEpisodes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot (see {@link FormatSnapshot}). */
    public static final class Snapshot extends FormatSnapshot<SurgeEpisodes> {

        static final int CURRENT = 1;

        public Snapshot() {
            super("SurgeEpisodes state", CURRENT, Set.of(CURRENT), () -> INSTANCE);
        }
    }
}
