package org.pingzhi.jobs.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pingzhi.common.model.RawRecord;

/**
 * Keeps a Kafka record as it is, with where it came from; checking it is the normalizer's job. A
 * record without a value becomes an empty one, so it is dead-lettered rather than lost.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;
    private static final byte[] NO_VALUE = new byte[0];

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        byte[] value = record.value() == null ? NO_VALUE : record.value();
        out.collect(new RawRecord(record.topic(), record.partition(), record.offset(), value));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
