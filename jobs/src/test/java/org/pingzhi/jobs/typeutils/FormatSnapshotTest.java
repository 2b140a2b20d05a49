package org.pingzhi.jobs.typeutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FormatSnapshotTest {

    /** A format at version 3 that still reads version 2. */
    public static final class Numbers extends FormatSnapshot<Long> {
        public Numbers() {
            super("Numbers", 3, Set.of(2, 3), () -> LongSerializer.INSTANCE);
        }
    }

    private static TypeSerializerSnapshot<Long> read(int version) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(Numbers.class.getName());
        out.writeInt(version);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()),
                FormatSnapshotTest.class.getClassLoader());
    }

    @Test
    void writesItsVersionAndNoPayload() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, new Numbers());
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

        assertThat(in.readUTF()).isEqualTo(Numbers.class.getName());
        assertThat(in.readInt()).isEqualTo(3);
        assertThat(in.available()).isZero();
    }

    @Test
    void readsTheVersionsItKnowsAsTheyAre() throws Exception {
        for (int version : new int[] {2, 3}) {
            assertThat(new Numbers().resolveSchemaCompatibility(read(version)).isCompatibleAsIs())
                    .isTrue();
            assertThat(read(version).restoreSerializer()).isSameAs(LongSerializer.INSTANCE);
        }
    }

    @Test
    void refusesAVersionItDoesNotKnowNamingIt() {
        assertThatThrownBy(() -> read(4))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Numbers written in format version 4");
    }

    @Test
    void anotherSerializersSnapshotIsIncompatible() {
        assertThat(
                        new Numbers()
                                .resolveSchemaCompatibility(
                                        LongSerializer.INSTANCE.snapshotConfiguration())
                                .isIncompatible())
                .isTrue();
    }
}
