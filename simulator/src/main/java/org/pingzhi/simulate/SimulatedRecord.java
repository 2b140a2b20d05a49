package org.pingzhi.simulate;

import java.util.Arrays;
import java.util.Objects;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.Source;

/**
 * One record as the simulator emits it to a topic or a replay file.
 *
 * @param source the upstream platform, which decides the topic
 * @param key the Kafka key: the record's orderId or alarmId
 * @param value the record's bytes, in exactly the upstream format (a JSON object, UTF-8), or
 *     deliberately not when {@link #defect()} is set
 * @param emitAtMillis when the upstream platform sends it (its event time, plus a delay for late
 *     records and redelivered duplicates); the stream is ordered by it
 * @param eventTimeMillis the time the record speaks of ({@code actionTime} / {@code statusTime})
 * @param duplicate whether this is a redelivery of a record emitted before, with identical bytes
 * @param defect for a deliberately malformed record, the dead-letter reason the contract gives it;
 *     null for a valid record
 */
public record SimulatedRecord(
        Source source,
        String key,
        byte[] value,
        long emitAtMillis,
        long eventTimeMillis,
        boolean duplicate,
        ReasonCode defect) {

    public SimulatedRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public boolean malformed() {
        return defect != null;
    }

    /** How long after its event time the record is sent (0 for most records). */
    public long latenessMillis() {
        return emitAtMillis - eventTimeMillis;
    }

    SimulatedRecord redelivered(long atMillis) {
        return new SimulatedRecord(source, key, value, atMillis, eventTimeMillis, true, defect);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimulatedRecord that
                && source == that.source
                && key.equals(that.key)
                && Arrays.equals(value, that.value)
                && emitAtMillis == that.emitAtMillis
                && eventTimeMillis == that.eventTimeMillis
                && duplicate == that.duplicate
                && defect == that.defect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                source,
                key,
                Arrays.hashCode(value),
                emitAtMillis,
                eventTimeMillis,
                duplicate,
                defect);
    }

    @Override
    public String toString() {
        return "SimulatedRecord["
                + source.code()
                + " "
                + key
                + " @"
                + emitAtMillis
                + (duplicate ? " duplicate" : "")
                + (defect == null ? "" : " " + defect)
                + ", "
                + value.length
                + " bytes]";
    }
}
