package org.pingzhi.jobs.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.pingzhi.jobs.time.Backlog;

/**
 * Whether the job's consumer group has records of a topic still to read: a partition's committed
 * offset (without one, where the job starts reading) before its end offset. The Kafka source
 * commits the offsets of each completed checkpoint, and a job restores from its latest completed
 * checkpoint, so the committed offset never lies past where the job reads from: "nothing unread" is
 * never said of a backlog. It can say "unread" for up to one checkpoint interval after the job has
 * read everything (until the next checkpoint commits), which only delays the wall clock.
 */
public final class CommittedOffsetsBacklog implements Backlog {

    private static final long serialVersionUID = 1L;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    /**
     * A short-lived thread per question (they are rare): a pooled one would outlive the job and
     * keep its class loader, and Kafka loads its plugins through the thread's context class loader.
     */
    private static final Executor ASKING =
            task -> {
                Thread thread = new Thread(task, "pingzhi-kafka-backlog");
                thread.setDaemon(true);
                thread.setContextClassLoader(CommittedOffsetsBacklog.class.getClassLoader());
                thread.start();
            };

    private final Properties adminProperties;
    private final String groupId;
    private final String topic;
    private final KafkaOptions.StartingOffsets startingOffsets;

    CommittedOffsetsBacklog(
            Properties adminProperties,
            String groupId,
            String topic,
            KafkaOptions.StartingOffsets startingOffsets) {
        this.adminProperties = adminProperties;
        this.groupId = groupId;
        this.topic = topic;
        this.startingOffsets = startingOffsets;
    }

    /** The backlog of {@code topic} for the job's consumer group. */
    public static CommittedOffsetsBacklog of(Configuration configuration, String topic) {
        Properties properties = KafkaEdges.producerProperties(configuration);
        String timeout = Long.toString(ANSWER_WITHIN.toMillis());
        properties.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        properties.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        properties.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "pingzhi-backlog-" + topic);
        return new CommittedOffsetsBacklog(
                properties,
                configuration.get(KafkaOptions.GROUP_ID),
                topic,
                configuration.get(KafkaOptions.STARTING_OFFSETS));
    }

    @Override
    public CompletableFuture<Boolean> unread() {
        return CompletableFuture.supplyAsync(this::unreadNow, ASKING);
    }

    private boolean unreadNow() {
        try (Admin admin = Admin.create(adminProperties)) {
            Set<TopicPartition> partitions =
                    admin
                            .describeTopics(Set.of(topic))
                            .allTopicNames()
                            .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(partition -> new TopicPartition(topic, partition.partition()))
                            .collect(Collectors.toSet());
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata()
                            .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts =
                    startingOffsets == KafkaOptions.StartingOffsets.LATEST
                            ? ends
                            : offsets(admin, partitions, OffsetSpec.earliest());
            return partitions.stream()
                    .anyMatch(
                            partition -> {
                                OffsetAndMetadata commit = committed.get(partition);
                                long position =
                                        commit != null ? commit.offset() : starts.get(partition);
                                return position < ends.get(partition);
                            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not read the offsets of " + topic + " for group " + groupId, e);
        }
    }

    private static Map<TopicPartition, Long> offsets(
            Admin admin, Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin
                .listOffsets(
                        partitions.stream()
                                .collect(Collectors.toMap(Function.identity(), any -> spec)))
                .all()
                .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
