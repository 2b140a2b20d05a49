package org.pingzhi.jobs.typeutils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/** Nullable fields in the binary formats of the job's own serializers. */
public final class BinaryFields {

    private BinaryFields() {}

    /** Null-safe ({@link StringValue} writes null as its own marker). */
    public static void writeString(String value, DataOutputView out) throws IOException {
        StringValue.writeString(value, out);
    }

    public static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    public static void writeLongOrNull(Long value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    public static Long readLongOrNull(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    /** A list of strings, or null (size -1). */
    public static void writeStrings(List<String> values, DataOutputView out) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) {
            for (String value : values) {
                writeString(value, out);
            }
        }
    }

    public static List<String> readStrings(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            return null;
        }
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString(in));
        }
        return values;
    }
}
