package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link BreachRateEpisodes} as its operator keeps it in state, field by field: the group, the
 * rule's window, threshold and minimum, the decisions not walked yet, the current window's counts
 * and the open episode.
 */
public final class BreachRateEpisodesSerializer extends GroupStateSerializer<BreachRateEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final BreachRateEpisodesSerializer INSTANCE = new BreachRateEpisodesSerializer();

    @Override
    void write(BreachRateEpisodes state, DataOutputView out) throws IOException {
        state.writeTo(out);
    }

    @Override
    BreachRateEpisodes read(DataInputView in) throws IOException {
        return BreachRateEpisodes.readFrom(in);
    }

    @Override
    public TypeSerializerSnapshot<BreachRateEpisodes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot (see {@link FormatSnapshot}). */
    public static final class Snapshot extends FormatSnapshot<BreachRateEpisodes> {

        static final int CURRENT = 1;

        public Snapshot() {
            super("BreachRateEpisodes state", CURRENT, Set.of(CURRENT), () -> INSTANCE);
        }
    }
}
