package org.pingzhi.jobs.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A rule group's state as its operator keeps it, field by field (no Kryo, no Java serialization): a
 * kind says how its state is written and read. The state is mutable (the operator advances it in
 * place), so a copy is a deep one.
 */
abstract class GroupStateSerializer<S extends RuleGroupState> extends TypeSerializerSingleton<S> {

    private static final long serialVersionUID = 1L;

    abstract void write(S state, DataOutputView out) throws IOException;

    abstract S read(DataInputView in) throws IOException;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public S createInstance() {
        return null;
    }

    @Override
    public S copy(S from) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(256);
            write(from, out);
            return read(new DataInputDeserializer(out.getSharedBuffer()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy a rule group's state", e);
        }
    }

    @Override
    public S copy(S from, S reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(S state, DataOutputView out) throws IOException {
        write(state, out);
    }

    @Override
    public S deserialize(DataInputView in) throws IOException {
        return read(in);
    }

    @Override
    public S deserialize(S reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }
}
