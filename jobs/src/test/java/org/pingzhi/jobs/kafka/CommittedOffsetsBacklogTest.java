package org.pingzhi.jobs.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.jobs.testing.KafkaExtension;

@ExtendWith(KafkaExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommittedOffsetsBacklogTest {

    @Test
    void recordsPastTheGroupsCommittedOffsetAreUnreadUntilItCommitsThem() throws Exception {
        KafkaExtension.createTopics(2, "backlog-commits");
        produce("backlog-commits", 0, 3);
        CommittedOffsetsBacklog backlog = backlog("backlog-commits", "group-commits");

        assertThat(unread(backlog)).as("no commit: read from the earliest").isTrue();
        commit("group-commits", new TopicPartition("backlog-commits", 0), 2);
        assertThat(unread(backlog)).as("one record past the commit").isTrue();
        commit("group-commits", new TopicPartition("backlog-commits", 0), 3);
        assertThat(unread(backlog)).as("the other partition is empty").isFalse();

        produce("backlog-commits", 1, 1);
        assertThat(unread(backlog)).isTrue();
    }

    @Test
    void anEmptyTopicHasNothingUnread() throws Exception {
        KafkaExtension.createTopics("backlog-empty");

        assertThat(unread(backlog("backlog-empty", "group-empty"))).isFalse();
    }

    @Test
    void aGroupThatStartsAtTheLatestOffsetsWithoutCommitsHasNothingUnread() throws Exception {
        KafkaExtension.createTopics("backlog-latest");
        produce("backlog-latest", 0, 2);
        Configuration configuration = configuration("group-latest");
        configuration.set(KafkaOptions.STARTING_OFFSETS, KafkaOptions.StartingOffsets.LATEST);

        assertThat(unread(CommittedOffsetsBacklog.of(configuration, "backlog-latest"))).isFalse();
    }

    @Test
    void anUnreachableBrokerGivesAFailedAnswer() {
        Configuration configuration = configuration("group-unreachable");
        configuration.set(KafkaOptions.BOOTSTRAP_SERVERS, "127.0.0.1:1");

        assertThat(CommittedOffsetsBacklog.of(configuration, "backlog-commits").unread())
                .failsWithin(30, TimeUnit.SECONDS);
    }

    /**
     * Live, the first question comes from a task thread whose context class loader (the job's) is
     * closed when the job ends; Kafka loads its plugins through the asking thread's.
     */
    @Test
    @Order(1) // before any other question of this class, from the test's own thread
    void aQuestionDoesNotUseTheClassLoaderOfAThreadThatAskedBefore() throws Exception {
        KafkaExtension.createTopics("backlog-loaders");
        CommittedOffsetsBacklog backlog = backlog("backlog-loaders", "group-loaders");
        ClosableClassLoader jobLoader = new ClosableClassLoader();
        AtomicReference<Boolean> firstAnswer = new AtomicReference<>();
        Thread task =
                new Thread(
                        () -> {
                            try {
                                firstAnswer.set(unread(backlog));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        task.setContextClassLoader(jobLoader);
        task.start();
        task.join();
        jobLoader.close();

        assertThat(firstAnswer.get()).isFalse();
        assertThat(unread(backlog)).isFalse();
    }

    private static CommittedOffsetsBacklog backlog(String topic, String group) {
        return CommittedOffsetsBacklog.of(configuration(group), topic);
    }

    private static Configuration configuration(String group) {
        Configuration configuration = new Configuration();
        configuration.set(KafkaOptions.BOOTSTRAP_SERVERS, KafkaExtension.bootstrapServers());
        configuration.set(KafkaOptions.GROUP_ID, group);
        return configuration;
    }

    private static boolean unread(CommittedOffsetsBacklog backlog) throws Exception {
        return backlog.unread().get(30, TimeUnit.SECONDS);
    }

    private static void produce(String topic, int partition, int count) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KafkaExtension.bootstrapServers()),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(
                                new ProducerRecord<>(
                                        topic,
                                        partition,
                                        null,
                                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
    }

    /** Like Flink's user-code class loader: refuses to load anything once closed. */
    private static final class ClosableClassLoader extends ClassLoader {
        private volatile boolean closed;

        ClosableClassLoader() {
            super(CommittedOffsetsBacklogTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (closed) {
                throw new IllegalStateException("Trying to access closed classloader");
            }
            return super.loadClass(name, resolve);
        }

        void close() {
            closed = true;
        }
    }

    private static void commit(String group, TopicPartition partition, long offset)
            throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KafkaExtension.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(offset)))
                    .all()
                    .get();
        }
    }
}
