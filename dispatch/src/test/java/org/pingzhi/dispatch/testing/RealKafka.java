package org.pingzhi.dispatch.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker (KRaft, one node) for dispatch's tests, started once per test JVM, stopped
 * when the run ends. Internal topics have one replica, so that the command-center job's
 * transactions and the consumer groups work on one node.
 */
public final class RealKafka implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealKafka.class);

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        running =
                context.getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    public static String bootstrapServers() {
        if (running == null) {
            throw new IllegalStateException("add @ExtendWith(RealKafka.class) to the test class");
        }
        return running.cluster.bootstrapServers();
    }

    /** A new topic of one partition. */
    public static void createTopic(String name) {
        createTopics(name);
    }

    /** Creates topics of one partition. */
    public static void createTopics(String... names) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(
                            List.of(names).stream()
                                    .map(name -> new NewTopic(name, 1, (short) 1))
                                    .toList())
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create " + List.of(names), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topics", e);
        }
    }

    /** Every record of a one-partition topic, from its beginning to its end now. */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        properties, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static final class Running implements AutoCloseable {
        final KafkaClusterTestKit cluster;

        Running(KafkaClusterTestKit cluster) {
            this.cluster = cluster;
        }

        static Running start() {
            try {
                KafkaClusterTestKit.Builder builder =
                        new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        .setCombined(true)
                                        .setNumBrokerNodes(1)
                                        .setNumControllerNodes(1)
                                        .build());
                for (String replicated : List.of("offsets.topic", "transaction.state.log")) {
                    builder.setConfigProp(replicated + ".replication.factor", "1");
                    builder.setConfigProp(replicated + ".num.partitions", "1");
                }
                builder.setConfigProp("transaction.state.log.min.isr", "1");
                builder.setConfigProp("group.initial.rebalance.delay.ms", "0");
                KafkaClusterTestKit cluster = builder.build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                return new Running(cluster);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the Kafka test broker", e);
            }
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted stopping the Kafka test broker", e);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the Kafka test broker", e);
            }
        }
    }
}
