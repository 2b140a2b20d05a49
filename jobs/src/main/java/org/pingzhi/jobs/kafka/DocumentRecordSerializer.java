package org.pingzhi.jobs.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.pingzhi.common.model.Document;

/** A document as a Kafka record: keyed by its id (alertId, dead-letter id), the JSON as value. */
public final class DocumentRecordSerializer implements KafkaRecordSerializationSchema<Document> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public DocumentRecordSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Document document, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                document.id().getBytes(StandardCharsets.UTF_8),
                document.json().getBytes(StandardCharsets.UTF_8));
    }
}
