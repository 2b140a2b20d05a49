package org.pingzhi.jobs.kafka;

import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.jobs.config.Operations;
import org.pingzhi.jobs.rules.control.RulesControlRecord;
import org.pingzhi.jobs.time.Backlog;

/** The Kafka sources and sinks of the live command-center job, from configuration. */
public final class KafkaEdges {

    private KafkaEdges() {}

    /** One source's topic, each record normalized as it is read. */
    public static KafkaSource<Either<UnifiedEvent, DeadLetter>> source(
            Configuration configuration, Source source, Normalizer normalizer) {
        return KafkaSource.<Either<UnifiedEvent, DeadLetter>>builder()
                .setBootstrapServers(configuration.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setProperties(KafkaOptions.clientProperties(configuration))
                .setTopics(topicOf(configuration, source))
                .setGroupId(configuration.get(KafkaOptions.GROUP_ID))
                .setClientIdPrefix("pingzhi-" + source.defaultTopic())
                .setStartingOffsets(startingOffsets(configuration))
                .setDeserializer(new NormalizingDeserializer(source, normalizer))
                .build();
    }

    /**
     * The rules control topic ({@link KafkaOptions#RULES_TOPIC}), from its earliest record when
     * there is no checkpoint to resume from, whatever the sources' starting offsets: every version
     * published so far comes into force again in order, so that the last one is in force, not the
     * start file.
     */
    public static KafkaSource<RulesControlRecord> rulesControlSource(Configuration configuration) {
        return KafkaSource.<RulesControlRecord>builder()
                .setBootstrapServers(configuration.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setProperties(KafkaOptions.clientProperties(configuration))
                .setTopics(configuration.get(KafkaOptions.RULES_TOPIC))
                .setGroupId(configuration.get(KafkaOptions.GROUP_ID))
                .setClientIdPrefix("pingzhi-rules-control")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RulesControlDeserializer())
                .build();
    }

    /** The duty officers' acknowledgements. */
    public static KafkaSource<AlertAcknowledgement> acknowledgementSource(
            Configuration configuration) {
        return KafkaSource.<AlertAcknowledgement>builder()
                .setBootstrapServers(configuration.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setProperties(KafkaOptions.clientProperties(configuration))
                .setTopics(configuration.get(KafkaOptions.ACKS_TOPIC))
                .setGroupId(configuration.get(KafkaOptions.GROUP_ID))
                .setClientIdPrefix("pingzhi-acks")
                .setStartingOffsets(startingOffsets(configuration))
                .setDeserializer(new AcknowledgementDeserializer())
                .build();
    }

    /**
     * What {@code topic} still holds unread for the job, asked before a silent source's time
     * follows the wall clock: from the committed offsets when the job checkpoints (the source
     * commits at each checkpoint); without checkpoints nobody outside the job knows where it reads,
     * and the source is taken to be caught up.
     */
    public static Backlog backlog(Configuration configuration, String topic) {
        return Operations.checkpointing(configuration)
                ? CommittedOffsetsBacklog.of(configuration, topic)
                : Backlog.none();
    }

    public static String topicOf(Configuration configuration, Source source) {
        return configuration.get(
                source == Source.POLICE_110
                        ? KafkaOptions.POLICE_TOPIC
                        : KafkaOptions.HOTLINE_TOPIC);
    }

    /**
     * A sink of documents to {@code topic}, keyed by document id; transactional (exactly-once) when
     * the job checkpoints, at-least-once otherwise.
     */
    public static KafkaSink<Document> documentSink(
            Configuration configuration, String topic, boolean checkpointing) {
        Properties producer = new Properties();
        // Below the brokers' default transaction.max.timeout.ms (15 min); Flink's default, 1 h,
        // is refused by a broker left at its defaults.
        producer.setProperty("transaction.timeout.ms", "600000");
        producer.putAll(producerProperties(configuration));
        return KafkaSink.<Document>builder()
                .setBootstrapServers(configuration.get(KafkaOptions.BOOTSTRAP_SERVERS))
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new DocumentRecordSerializer(topic))
                .setDeliveryGuarantee(
                        checkpointing
                                ? DeliveryGuarantee.EXACTLY_ONCE
                                : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(
                        configuration.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX) + "-" + topic)
                .build();
    }

    /** Bootstrap servers and the configured client properties, for a plain producer. */
    public static Properties producerProperties(Configuration configuration) {
        Properties properties = KafkaOptions.clientProperties(configuration);
        properties.setProperty(
                "bootstrap.servers", configuration.get(KafkaOptions.BOOTSTRAP_SERVERS));
        return properties;
    }

    // The connector (5.0.0-2.2) takes only Kafka's deprecated OffsetResetStrategy here.
    @SuppressWarnings("deprecation")
    private static OffsetsInitializer startingOffsets(Configuration configuration) {
        return switch (configuration.get(KafkaOptions.STARTING_OFFSETS)) {
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
        };
    }
}
