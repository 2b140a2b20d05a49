package org.pingzhi.common.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record as it came off a Kafka topic or out of a replay file, before anything was checked.
 *
 * @param topic the topic it was read from (in replay: the input's topic name)
 * @param partition the Kafka partition (in replay: 0)
 * @param offset the Kafka offset (in replay: the 0-based line number)
 * @param value the record's bytes (a file line without its newline)
 */
public record RawRecord(String topic, int partition, long offset, byte[] value) {

    public RawRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRecord that
                && partition == that.partition
                && offset == that.offset
                && topic.equals(that.topic)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "RawRecord["
                + topic
                + "/"
                + partition
                + "@"
                + offset
                + ", "
                + value.length
                + " bytes]";
    }
}
