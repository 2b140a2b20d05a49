package org.pingzhi.common.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record as it came off a Kafka topic or out of a replay file, before anything was checked.
 * Usually whole; a reader that must not hold an overlong record (a replay line can be any length)
 * keeps only its first bytes, with its length and hash ({@link #truncated}).
 *
 * @param topic the topic it was read from (in replay: the input's topic name)
 * @param partition the Kafka partition (in replay: 0)
 * @param offset the Kafka offset (in replay: the 0-based line number)
 * @param value the record's bytes (a file line without its newline), or its first bytes
 * @param length the whole record's length in bytes
 * @param sha256 of a record kept only in part, the SHA-256 of all its bytes in lower-case hex;
 *     otherwise null
 */
public record RawRecord(
        String topic, int partition, long offset, byte[] value, long length, String sha256) {

    public RawRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        if (length < value.length) {
            throw new IllegalArgumentException("length " + length + " < " + value.length);
        }
        if (length > value.length && sha256 == null) {
            throw new IllegalArgumentException("a record kept in part needs its sha256");
        }
    }

    /** A whole record. */
    public RawRecord(String topic, int partition, long offset, byte[] value) {
        this(topic, partition, offset, value, value.length, null);
    }

    /** A record of which only {@code firstBytes} are kept. */
    public static RawRecord truncated(
            String topic,
            int partition,
            long offset,
            byte[] firstBytes,
            long length,
            String sha256) {
        return new RawRecord(
                topic, partition, offset, firstBytes, length, Objects.requireNonNull(sha256));
    }

    /** Whether {@link #value} holds only the record's first bytes. */
    public boolean isTruncated() {
        return length > value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawRecord that
                && partition == that.partition
                && offset == that.offset
                && length == that.length
                && topic.equals(that.topic)
                && Arrays.equals(value, that.value)
                && Objects.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, Arrays.hashCode(value), length, sha256);
    }

    @Override
    public String toString() {
        return "RawRecord[" + topic + "/" + partition + "@" + offset + ", " + length + " bytes]";
    }
}
