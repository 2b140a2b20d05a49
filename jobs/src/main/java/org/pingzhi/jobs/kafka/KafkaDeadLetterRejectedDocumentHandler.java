package org.pingzhi.jobs.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pingzhi.common.json.Json;
import org.pingzhi.jobs.sink.elasticsearch.RejectedDocument;
import org.pingzhi.jobs.sink.elasticsearch.RejectedDocumentHandler;

/**
 * Sends documents that Elasticsearch refused for good to the dead-letter topic, with
 * Elasticsearch's answer, so that a duty engineer can see and replay them. Sends are awaited before
 * every checkpoint: at-least-once, never lost.
 */
public final class KafkaDeadLetterRejectedDocumentHandler implements RejectedDocumentHandler {

    private static final long serialVersionUID = 1L;

    /** The dead-letter reason of a document Elasticsearch refused. */
    public static final String REASON = "ELASTICSEARCH_REJECTED";

    private final Properties producerProperties;
    private final String topic;

    private transient KafkaProducer<byte[], byte[]> producer;
    private transient List<Future<RecordMetadata>> pending;

    public KafkaDeadLetterRejectedDocumentHandler(Properties producerProperties, String topic) {
        this.producerProperties = producerProperties;
        this.topic = topic;
    }

    @Override
    public void open(WriterInitContext context) {
        Properties properties = new Properties();
        properties.putAll(producerProperties);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer());
        pending = new ArrayList<>();
    }

    @Override
    public void handle(RejectedDocument rejected) {
        String key = rejected.index() + "/" + rejected.id();
        pending.add(
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                key.getBytes(StandardCharsets.UTF_8),
                                Json.toBytes(deadLetterOf(rejected)))));
    }

    /** The dead-letter record: what was refused, where, and Elasticsearch's answer. */
    static Map<String, Object> deadLetterOf(RejectedDocument rejected) {
        Map<String, Object> deadLetter = new LinkedHashMap<>();
        deadLetter.put("reason", REASON);
        deadLetter.put(
                "message",
                "Elasticsearch refused document "
                        + rejected.id()
                        + " for index "
                        + rejected.index()
                        + ": "
                        + rejected.errorType()
                        + " ("
                        + rejected.status()
                        + ")");
        deadLetter.put("index", rejected.index());
        deadLetter.put("id", rejected.id());
        deadLetter.put("status", rejected.status());
        deadLetter.put("errorType", rejected.errorType());
        deadLetter.put("errorReason", rejected.errorReason());
        deadLetter.put("attempts", rejected.attempts());
        deadLetter.put("value", rejected.sourceAsString());
        return deadLetter;
    }

    @Override
    public void flush() throws Exception {
        producer.flush();
        for (Future<RecordMetadata> send : pending) {
            send.get();
        }
        pending.clear();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
