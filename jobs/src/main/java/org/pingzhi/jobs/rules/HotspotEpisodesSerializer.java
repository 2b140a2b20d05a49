package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.pingzhi.jobs.typeutils.FormatSnapshot;

/**
 * {@link HotspotEpisodes} as the incident rules keep it in state, field by field: the group, the
 * rule's threshold and window, the incidents not walked yet, those of the last window and the open
 * episode. The state is mutable (the operator advances it in place), so a copy is a deep one.
 */
public final class HotspotEpisodesSerializer extends TypeSerializerSingleton<HotspotEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final HotspotEpisodesSerializer INSTANCE = new HotspotEpisodesSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public HotspotEpisodes createInstance() {
        return null;
    }

    @Override
    public HotspotEpisodes copy(HotspotEpisodes from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            from.writeTo(out);
            return HotspotEpisodes.readFrom(new DataInputDeserializer(out.getSharedBuffer()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy a rule group's state", e);
        }
    }

    @Override
    public HotspotEpisodes copy(HotspotEpisodes from, HotspotEpisodes reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(HotspotEpisodes state, DataOutputView out) throws IOException {
        state.writeTo(out);
    }

    @Override
    public HotspotEpisodes deserialize(DataInputView in) throws IOException {
        return HotspotEpisodes.readFrom(in);
    }

    @Override
    public HotspotEpisodes deserialize(HotspotEpisodes reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
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
