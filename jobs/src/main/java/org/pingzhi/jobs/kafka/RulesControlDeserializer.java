package org.pingzhi.jobs.kafka;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pingzhi.jobs.rules.control.RulesControl;
import org.pingzhi.jobs.rules.control.RulesControlRecord;

/** Reads the rules control topic as it is: validating is the control stream's work. */
final class RulesControlDeserializer
        implements KafkaRecordDeserializationSchema<RulesControlRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<RulesControlRecord> out) {
        out.collect(
                new RulesControlRecord(
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.timestamp(),
                        record.value()));
    }

    @Override
    public TypeInformation<RulesControlRecord> getProducedType() {
        return RulesControl.RECORD_TYPE;
    }
}
