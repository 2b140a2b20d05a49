package org.pingzhi.dispatch.ack;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes acknowledgements to a Kafka topic, key alertId, value {@link
 * org.pingzhi.common.output.AlertAcknowledgement#json}, and waits for the brokers' acknowledgement
 * ({@code acks=all}), at most {@link #TIMEOUT}: the person waiting for the page is told the truth.
 */
public final class KafkaAckPublisher implements AckPublisher {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, String> producer;
    private final String topic;

    /**
     * @param client the client settings: at least {@code bootstrap.servers}, and what the brokers
     *     need (SASL, TLS)
     */
    public KafkaAckPublisher(Properties client, String topic) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        long timeout = TIMEOUT.toMillis();
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout));
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    @Override
    public void publish(Acknowledgement ack) throws IOException {
        try {
            producer.send(new ProducerRecord<>(topic, ack.alertId(), ack.message().json()))
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException(
                    "Kafka did not take the acknowledgement for "
                            + topic
                            + ": "
                            + cause.getClass().getSimpleName()
                            + " "
                            + cause.getMessage(),
                    cause);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
