package org.pingzhi.jobs.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.normalize.NormalizedRecords;

/**
 * Normalizes each Kafka record of one source as it is read, so that the source can take event time
 * from the event, per partition. A record without a value becomes an empty one, so it is
 * dead-lettered rather than lost. A dead letter carries the Kafka record's timestamp as the time it
 * was read.
 */
public final class NormalizingDeserializer
        implements KafkaRecordDeserializationSchema<Either<UnifiedEvent, DeadLetter>> {

    private static final long serialVersionUID = 1L;
    private static final byte[] NO_VALUE = new byte[0];

    private final NormalizedRecords records;

    public NormalizingDeserializer(Source source, Normalizer normalizer) {
        this.records = new NormalizedRecords(source, normalizer);
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record,
            Collector<Either<UnifiedEvent, DeadLetter>> out) {
        byte[] value = record.value() == null ? NO_VALUE : record.value();
        RawRecord raw = new RawRecord(record.topic(), record.partition(), record.offset(), value);
        Either<UnifiedEvent, DeadLetter> normalized = records.normalize(raw);
        out.collect(
                normalized.isRight() && record.timestamp() != ConsumerRecord.NO_TIMESTAMP
                        ? Either.Right(normalized.right().withReadAt(record.timestamp()))
                        : normalized);
    }

    @Override
    public TypeInformation<Either<UnifiedEvent, DeadLetter>> getProducedType() {
        return NormalizedRecords.TYPE;
    }
}
