package org.pingzhi.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One upstream record's JSON object, its fields written in the order they were put, so the bytes
 * are always the same. Values: String, Integer, Long, {@link RawNumber}, {@link #JSON_NULL}.
 */
final class RecordFields {

    /**
     * A JSON number written exactly as given (fixed-decimal coordinates, deliberately odd numbers).
     */
    record RawNumber(String text) {}

    /** The JSON literal {@code null}. */
    static final Object JSON_NULL = new Object();

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final List<String> names;
    private final List<Object> values;

    RecordFields() {
        this(new ArrayList<>(18), new ArrayList<>(18));
    }

    private RecordFields(List<String> names, List<Object> values) {
        this.names = names;
        this.values = values;
    }

    /** Sets a field (in place if present, else last); a null value leaves the record unchanged. */
    RecordFields put(String name, Object value) {
        if (value == null) {
            return this;
        }
        int index = names.indexOf(name);
        if (index >= 0) {
            values.set(index, value);
        } else {
            names.add(name);
            values.add(value);
        }
        return this;
    }

    RecordFields remove(String name) {
        int index = names.indexOf(name);
        if (index >= 0) {
            names.remove(index);
            values.remove(index);
        }
        return this;
    }

    Object get(String name) {
        int index = names.indexOf(name);
        return index >= 0 ? values.get(index) : null;
    }

    RecordFields copy() {
        return new RecordFields(new ArrayList<>(names), new ArrayList<>(values));
    }

    byte[] toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            for (int i = 0; i < names.size(); i++) {
                json.writeFieldName(names.get(i));
                writeValue(json, values.get(i));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof RawNumber number) {
            json.writeNumber(number.text());
        } else if (value == JSON_NULL) {
            json.writeNull();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }
}
