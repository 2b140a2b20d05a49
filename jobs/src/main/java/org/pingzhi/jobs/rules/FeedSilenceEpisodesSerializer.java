package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link FeedSilenceEpisodes} as its operator keeps it in state, field by field: the group, the
 * rule's town, window and active hours, the record times not walked yet, the latest record and the
 * open silence.
 */
public final class FeedSilenceEpisodesSerializer extends GroupStateSerializer<FeedSilenceEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final FeedSilenceEpisodesSerializer INSTANCE =
            new FeedSilenceEpisodesSerializer();

    @Override
    void write(FeedSilenceEpisodes state, DataOutputView out) throws IOException {
        state.writeTo(out);
    }

    @Override
    FeedSilenceEpisodes read(DataInputView in) throws IOException {
        return FeedSilenceEpisodes.readFrom(in);
    }

    @Override
    public TypeSerializerSnapshot<FeedSilenceEpisodes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot (see {@link FormatSnapshot}). */
    public static final class Snapshot extends FormatSnapshot<FeedSilenceEpisodes> {

        static final int CURRENT = 1;

        public Snapshot() {
            super("FeedSilenceEpisodes state", CURRENT, Set.of(CURRENT), () -> INSTANCE);
        }
    }
}
