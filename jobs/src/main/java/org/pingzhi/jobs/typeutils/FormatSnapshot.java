package org.pingzhi.jobs.typeutils;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a serializer whose binary format is fixed by a version alone: it writes no
 * payload, reads the versions it knows and refuses others with a clear error. A change of the
 * format comes with a new version and a read path for the older ones. A subclass needs a public
 * no-argument constructor (Flink instantiates it on restore) and is the same class in every
 * release.
 */
public abstract class FormatSnapshot<T> implements TypeSerializerSnapshot<T> {

    private final String what;
    private final int current;
    private final Set<Integer> readable;
    private final Supplier<TypeSerializer<T>> serializer;

    /**
     * @param what what the serializer writes, for the error naming an unknown version
     * @param readable the versions whose data {@code serializer} reads as they are
     */
    protected FormatSnapshot(
            String what,
            int current,
            Set<Integer> readable,
            Supplier<TypeSerializer<T>> serializer) {
        this.what = what;
        this.current = current;
        this.readable = Set.copyOf(readable);
        this.serializer = serializer;
    }

    @Override
    public int getCurrentVersion() {
        return current;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {
        // The format is fixed by the version alone.
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        if (!readable.contains(readVersion)) {
            throw new IOException(
                    what
                            + " written in format version "
                            + readVersion
                            + "; this release reads versions "
                            + readable);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return serializer.get();
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        return oldSerializerSnapshot.getClass() == getClass()
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
