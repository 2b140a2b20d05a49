package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link BacklogEpisodes} as its operator keeps it in state, field by field: the group, the rule's
 * threshold and duration, the changes of the open count not walked yet, the count, the run and the
 * open episode.
 */
public final class BacklogEpisodesSerializer extends GroupStateSerializer<BacklogEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final BacklogEpisodesSerializer INSTANCE = new BacklogEpisodesSerializer();

    @Override
    void write(BacklogEpisodes state, DataOutputView out) throws IOException {
        state.writeTo(out);
    }

    @Override
    BacklogEpisodes read(DataInputView in) throws IOException {
        return BacklogEpisodes.readFrom(in);
    }

    @Override
    public TypeSerializerSnapshot<BacklogEpisodes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot (see {@link FormatSnapshot}). */
    public static final class Snapshot extends FormatSnapshot<BacklogEpisodes> {

        static final int CURRENT = 1;

        public Snapshot() {
            super("BacklogEpisodes state", CURRENT, Set.of(CURRENT), () -> INSTANCE);
        }
    }
}
