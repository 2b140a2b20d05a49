package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link HotspotEpisodes} as the incident rules keep it in state, field by field: the group, the
 * rule's threshold and window, the incidents not walked yet, those of the last window and the open
 * episode.
 */
public final class HotspotEpisodesSerializer extends GroupStateSerializer<HotspotEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final HotspotEpisodesSerializer INSTANCE = new HotspotEpisodesSerializer();

    @Override
    void write(HotspotEpisodes state, DataOutputView out) throws IOException {
        state.writeTo(out);
    }

    @Override
    HotspotEpisodes read(DataInputView in) throws IOException {
        return HotspotEpisodes.readFrom(in);
    }

    @Override
    public TypeSerializerSnapshot<HotspotEpisodes> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer's snapshot (see {@link FormatSnapshot}). */
    public static final class Snapshot extends FormatSnapshot<HotspotEpisodes> {

        static final int CURRENT = 1;

        public Snapshot() {
            super("Rule group state", CURRENT, Set.of(CURRENT), () -> INSTANCE);
        }
    }
}
