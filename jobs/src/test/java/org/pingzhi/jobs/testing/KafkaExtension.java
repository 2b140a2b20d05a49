package org.pingzhi.jobs.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (KRaft, one combined broker/controller node, free port, temporary log
 * folder) for tests: started once per test JVM by the first class that uses it, stopped when the
 * run ends.
 *
 * <pre>{@code
 * @ExtendWith(KafkaExtension.class)
 * class MyTest { ... KafkaExtension.bootstrapServers() ... }
 * }</pre>
 */
public final class KafkaExtension implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExtension.class);

    /** Single node: internal topics with one replica, so transactions and groups work. */
    private static final Map<String, String> BROKER_CONFIG =
            Map.of(
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.replication.factor", "1",
                    "offsets.topic.num.partitions", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "transaction.state.log.num.partitions", "1",
                    "share.coordinator.state.topic.replication.factor", "1",
                    "share.coordinator.state.topic.min.isr", "1");

    private static volatile Broker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = JvmWide.get(context, Broker.class, Broker::start);
    }

    /** The broker's {@code bootstrap.servers}, once the extension ran for the test class. */
    public static String bootstrapServers() {
        return running().bootstrapServers;
    }

    /** Creates topics with one partition each; existing topics are left as they are. */
    public static void createTopics(String... names) {
        createTopics(1, names);
    }

    /** Creates topics with {@code partitions} each; existing topics are left as they are. */
    public static void createTopics(int partitions, String... names) {
        running().createTopics(partitions, Arrays.asList(names));
    }

    private static Broker running() {
        return JvmWide.started(broker, KafkaExtension.class);
    }

    private static final class Broker implements AutoCloseable {
        private final KafkaClusterTestKit cluster;
        private final String bootstrapServers;
        private final Admin admin;

        private Broker(KafkaClusterTestKit cluster) {
            this.cluster = cluster;
            this.bootstrapServers = cluster.bootstrapServers();
            this.admin =
                    Admin.create(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }

        static Broker start() {
            long started = System.nanoTime();
            KafkaClusterTestKit cluster = null;
            try {
                KafkaClusterTestKit.Builder builder =
                        new KafkaClusterTestKit.Builder(
                                new TestKitNodes.Builder()
                                        .setCombined(true)
                                        .setNumBrokerNodes(1)
                                        .setNumControllerNodes(1)
                                        .build());
                BROKER_CONFIG.forEach(builder::setConfigProp);
                cluster = builder.build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                Broker broker = new Broker(cluster);
                LOG.info(
                        "Kafka {} broker ready at {} in {} ms",
                        AppInfoParser.getVersion(),
                        broker.bootstrapServers,
                        (System.nanoTime() - started) / 1_000_000);
                return broker;
            } catch (Exception e) {
                closeQuietly(cluster, e);
                throw new IllegalStateException("Cannot start the Kafka test broker", e);
            }
        }

        void createTopics(int partitions, List<String> names) {
            List<NewTopic> topics =
                    names.stream()
                            .map(name -> new NewTopic(name, partitions, (short) 1))
                            .collect(Collectors.toList());
            admin.createTopics(topics)
                    .values()
                    .forEach(
                            (name, creation) -> {
                                try {
                                    creation.get();
                                } catch (ExecutionException e) {
                                    if (!(e.getCause() instanceof TopicExistsException)) {
                                        throw new IllegalStateException(
                                                "Cannot create topic " + name, e.getCause());
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    throw new IllegalStateException(
                                            "Interrupted creating topic " + name, e);
                                }
                            });
        }

        @Override
        public void close() {
            long started = System.nanoTime();
            admin.close();
            try {
                cluster.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted stopping the Kafka test broker", e);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot stop the Kafka test broker", e);
            }
            LOG.info("Kafka broker stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        }

        private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }
}
