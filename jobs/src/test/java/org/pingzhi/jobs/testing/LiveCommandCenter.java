package org.pingzhi.jobs.testing;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.jobs.CommandCenterJob;
import org.pingzhi.jobs.config.Operations;
import org.pingzhi.jobs.kafka.CommittedOffsetsBacklog;
import org.pingzhi.jobs.kafka.KafkaEdges;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.sink.elasticsearch.IndexNames;

/**
 * The live command-center job on a MiniCluster against the tests' real Kafka and Elasticsearch,
 * with topics, consumer group and index prefix of its own, so tests do not see each other.
 */
public final class LiveCommandCenter implements AutoCloseable {

    private final Configuration configuration;
    private final JobClient job;

    private LiveCommandCenter(Configuration configuration, JobClient job) {
        this.configuration = configuration;
        this.job = job;
    }

    /** Settings for a job named {@code name}: its own topics and indices, quick time settings. */
    public static Configuration configuration(String name, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("pingzhi.kafka.bootstrap-servers", KafkaExtension.bootstrapServers());
        settings.put("pingzhi.kafka.topic.hotline", name + "-hotline");
        settings.put("pingzhi.kafka.topic.police", name + "-police");
        settings.put("pingzhi.kafka.topic.deadletter", name + "-deadletter");
        settings.put("pingzhi.kafka.topic.alerts", name + "-alerts");
        settings.put("pingzhi.kafka.topic.rules", name + "-rules");
        settings.put("pingzhi.kafka.topic.acks", name + "-acks");
        settings.put("pingzhi.kafka.group-id", name);
        settings.put("pingzhi.kafka.transactional-id-prefix", name);
        settings.put("pingzhi.kafka.starting-offsets", "EARLIEST");
        settings.put("pingzhi.elasticsearch.hosts", ElasticsearchExtension.httpUrl());
        settings.put("pingzhi.elasticsearch.index-prefix", name + "-");
        settings.put("pingzhi.elasticsearch.bulk.flush-interval", "200 ms");
        settings.put("pingzhi.checkpoint.interval", "1 s");
        settings.put("pingzhi.time.out-of-orderness", "1 s");
        settings.put("pingzhi.time.idle-after", "1 s");
        settings.putAll(overrides);
        return Configuration.fromMap(settings);
    }

    /** An SLA policy file in {@code folder} giving every incident {@code targetSeconds}. */
    public static Path policyFile(Path folder, int targetSeconds) throws IOException {
        return Files.writeString(
                folder.resolve("policy.json"),
                "{\"defaultTargetSeconds\": " + targetSeconds + ", \"rules\": []}");
    }

    /**
     * The live job named {@code name}, giving every incident {@code targetSeconds}, without a
     * startup grace: from the start, silence lets the wall clock decide deadlines.
     */
    public static LiveCommandCenter startWithTarget(String name, Path folder, int targetSeconds)
            throws Exception {
        return start(
                configuration(
                        name,
                        Map.of(
                                "pingzhi.sla.policy-file",
                                policyFile(folder, targetSeconds).toString(),
                                "pingzhi.time.startup-grace",
                                "0 s")),
                CommandCenterJob::wire);
    }

    /**
     * Creates the topics and templates, then runs {@code wiring} on a fresh environment; restarts
     * up to 3 times unless the configuration sets a restart strategy.
     */
    public static LiveCommandCenter start(
            Configuration configuration,
            BiConsumer<StreamExecutionEnvironment, Configuration> wiring)
            throws Exception {
        KafkaExtension.createTopics(
                configuration.get(KafkaOptions.HOTLINE_TOPIC),
                configuration.get(KafkaOptions.POLICE_TOPIC),
                configuration.get(KafkaOptions.DEAD_LETTER_TOPIC),
                configuration.get(KafkaOptions.ALERTS_TOPIC),
                configuration.get(KafkaOptions.RULES_TOPIC),
                configuration.get(KafkaOptions.ACKS_TOPIC));
        CommandCenterJob.installIndexTemplates(configuration);
        Configuration flink = Operations.flinkConfiguration(configuration);
        if (!flink.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            flink.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            flink.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            flink.set(
                    RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                    Duration.ofMillis(500));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        wiring.accept(env, configuration);
        return new LiveCommandCenter(configuration, env.executeAsync(CommandCenterJob.JOB_NAME));
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Produces raw values to a source's topic, in order. */
    public void produce(Source source, List<byte[]> values) throws Exception {
        produce(source, null, values);
    }

    /** Produces raw values to one partition of a source's topic (any, if null), in order. */
    public void produce(Source source, Integer partition, List<byte[]> values) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(
                        new ProducerRecord<>(
                                KafkaEdges.topicOf(configuration, source), partition, null, value));
            }
            producer.flush();
        }
    }

    /**
     * Produces a 12345 order of an hour ago (event times before 2000 or in the future are dead
     * letters) and waits until its incident is indexed: the job is reading.
     */
    public void awaitReading(String orderId) throws Exception {
        produce(
                Source.HOTLINE_12345,
                List.of(RawInputs.order(orderId, System.currentTimeMillis() - 3_600_000)));
        Poll.until(
                Duration.ofSeconds(90),
                "the warm-up order indexed (the job is reading)",
                () -> documents(DocumentKind.INCIDENT),
                docs -> docs.containsKey("12345-" + orderId));
        // the warm-up is an old record: the hotline's time follows the wall clock only once its
        // offset is committed (a backlog is no silence), by the job's first completed checkpoint
        CommittedOffsetsBacklog hotline =
                CommittedOffsetsBacklog.of(
                        configuration, KafkaEdges.topicOf(configuration, Source.HOTLINE_12345));
        Poll.until(
                Duration.ofSeconds(90),
                "the warm-up order's offset committed (the job has read its topic)",
                () -> hotline.unread().get(30, TimeUnit.SECONDS),
                unread -> !unread);
    }

    /** Publishes acknowledgements to the acks topic as the ack server does, keyed by alertId. */
    public void acknowledge(AlertAcknowledgement... acks) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (AlertAcknowledgement ack : acks) {
                producer.send(
                        new ProducerRecord<>(
                                configuration.get(KafkaOptions.ACKS_TOPIC),
                                ack.alertId(),
                                ack.json()));
            }
            producer.flush();
        }
    }

    /**
     * The documents of one kind, by id (empty while no index exists): of its index, or of all its
     * daily indices.
     */
    public Map<String, JsonNode> documents(DocumentKind kind) throws Exception {
        String index =
                IndexNames.pattern(
                        configuration.get(
                                org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions
                                        .INDEX_PREFIX),
                        kind);
        var client = ElasticsearchExtension.client();
        if (!client.indices().exists(e -> e.index(index).allowNoIndices(false)).value()) {
            return Map.of();
        }
        client.indices().refresh(r -> r.index(index));
        SearchResponse<JsonNode> response =
                client.search(s -> s.index(index).size(10_000), JsonNode.class);
        Map<String, JsonNode> byId = new TreeMap<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            byId.put(hit.id(), hit.source());
        }
        return byId;
    }

    /** Every committed record of a topic (read_committed), as key and value text. */
    public List<ConsumerRecord<String, String>> committedRecords(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public JobClient job() {
        return job;
    }

    /** Cancels the job and waits for it to stop. */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            job.cancel().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
