package org.pingzhi.jobs.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.jobs.ack.AckStateDescriptors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the acknowledgements topic ({@link AlertAcknowledgement#json}). A record that is no
 * acknowledgement is logged with where it is and why, and skipped: the topic is written by the ack
 * server alone, and an acknowledgement it could not mean shows on no alert.
 */
public final class AcknowledgementDeserializer
        implements KafkaRecordDeserializationSchema<AlertAcknowledgement> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementDeserializer.class);

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<AlertAcknowledgement> out) {
        String value =
                record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        try {
            out.collect(AlertAcknowledgement.parse(value));
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "Skipped {}:{}:{}, not an acknowledgement: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public TypeInformation<AlertAcknowledgement> getProducedType() {
        return AckStateDescriptors.ACK_TYPE;
    }
}
