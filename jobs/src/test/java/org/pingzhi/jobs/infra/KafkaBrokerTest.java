package org.pingzhi.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.jobs.testing.KafkaExtension;

/** Records really travel through the test broker, plainly and in transactions. */
@ExtendWith(KafkaExtension.class)
class KafkaBrokerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void producedRecordsAreConsumedInOrder() throws Exception {
        String topic = "infra-plain";
        KafkaExtension.createTopics(topic);
        KafkaExtension.createTopics(topic); // idempotent

        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get();
            }
        }

        List<ConsumerRecord<String, String>> records = consume(topic, "read_uncommitted", 3);
        assertThat(records)
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(
                        tuple("key-0", "value-0"),
                        tuple("key-1", "value-1"),
                        tuple("key-2", "value-2"));
    }

    @Test
    void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
        String topic = "infra-transactional";
        KafkaExtension.createTopics(3, topic);

        try (KafkaProducer<String, String> producer =
                producer(
                        Map.of(
                                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                                "infra-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "incident", "aborted"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "incident", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "incident", "committed-2"));
            producer.commitTransaction();
        }

        // Same key, same partition: the aborted record precedes the committed ones, so a consumer
        // that has the committed records has already passed (and skipped) the aborted one.
        assertThat(consume(topic, "read_committed", 2))
                .extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2");
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Polls until {@code expected} records arrived; fails at the deadline with what came. */
    private static List<ConsumerRecord<String, String>> consume(
            String topic, String isolationLevel, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        KafkaExtension.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "infra-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        isolationLevel);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }
        assertThat(received)
                .as("records received from %s within %s", topic, DEADLINE)
                .hasSize(expected);
        return received;
    }
}
