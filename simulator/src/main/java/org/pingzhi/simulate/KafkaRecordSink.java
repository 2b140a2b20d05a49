package org.pingzhi.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pingzhi.common.model.Source;

/**
 * Produces to the two upstream topics: key = the record's id, value = its bytes. The record
 * timestamp is left to the producer (wall clock): the event time is inside the value, and a
 * simulated time far from now would run into the broker's retention and timestamp limits.
 */
final class KafkaRecordSink implements RecordSink {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String hotlineTopic;
    private final String policeTopic;
    private final String bootstrapServers;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    KafkaRecordSink(SimulateArguments arguments) {
        this(
                new KafkaProducer<>(producerProperties(arguments)),
                arguments.hotlineTopic(),
                arguments.policeTopic(),
                arguments.bootstrapServers());
    }

    KafkaRecordSink(
            Producer<byte[], byte[]> producer,
            String hotlineTopic,
            String policeTopic,
            String bootstrapServers) {
        this.producer = producer;
        this.hotlineTopic = hotlineTopic;
        this.policeTopic = policeTopic;
        this.bootstrapServers = bootstrapServers;
    }

    /** Idempotent, acks=all, linger 20 ms, byte keys and values; the user's properties override. */
    static Properties producerProperties(SimulateArguments arguments) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, arguments.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "pingzhi-simulator");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        for (Map.Entry<String, String> property : arguments.kafkaProperties().entrySet()) {
            properties.put(property.getKey(), property.getValue());
        }
        return properties;
    }

    @Override
    public void send(SimulatedRecord record) throws IOException {
        throwIfFailed();
        String topic = record.source() == Source.HOTLINE_12345 ? hotlineTopic : policeTopic;
        producer.send(
                new ProducerRecord<>(
                        topic, record.key().getBytes(StandardCharsets.UTF_8), record.value()),
                (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        producer.close(CLOSE_TIMEOUT);
        throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
        Exception failed = failure.get();
        if (failed != null) {
            throw new IOException("Kafka did not take a record: " + failed, failed);
        }
    }

    @Override
    public String describe() {
        return "Kafka " + bootstrapServers + " topics " + hotlineTopic + ", " + policeTopic;
    }
}
