package org.pingzhi.dispatch.job;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;

/** The dispatch job's Kafka edges: the alerts and acks topics in, dead letters out. */
public final class DispatchKafka {

    /** Options passed as they are to every Kafka client, as the command-center job takes them. */
    public static final String CLIENT_PROPERTY_PREFIX = "pingzhi.kafka.property.";

    private DispatchKafka() {}

    /**
     * {@code topic} read uncommitted: the command-center job commits its alerts with each of its
     * checkpoints (30 s), and an escalation must page within a second (dispatch/README.md, "Reading
     * uncommitted alerts"). Without a checkpoint the group's offsets, else the earliest.
     */
    @SuppressWarnings("deprecation") // the connector takes only Kafka's deprecated reset strategy
    public static KafkaSource<KafkaMessage> source(
            Configuration configuration, ConfigOption<String> topic) {
        Properties properties = clientProperties(configuration);
        properties.setProperty("isolation.level", "read_uncommitted");
        return KafkaSource.<KafkaMessage>builder()
                .setBootstrapServers(configuration.get(DispatchOptions.BOOTSTRAP_SERVERS))
                .setProperties(properties)
                .setTopics(configuration.get(topic))
                .setGroupId(configuration.get(DispatchOptions.GROUP_ID))
                .setClientIdPrefix("pingzhi-dispatch-" + configuration.get(topic))
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new KafkaMessageDeserializer())
                .build();
    }

    /**
     * The roster control topic, from its earliest record when the job starts without a checkpoint:
     * the last valid roster published comes into force again, as after a restore.
     */
    public static KafkaSource<KafkaMessage> rosterSource(Configuration configuration) {
        return KafkaSource.<KafkaMessage>builder()
                .setBootstrapServers(configuration.get(DispatchOptions.BOOTSTRAP_SERVERS))
                .setProperties(clientProperties(configuration))
                .setTopics(configuration.get(DispatchOptions.ROSTER_TOPIC))
                .setGroupId(configuration.get(DispatchOptions.GROUP_ID))
                .setClientIdPrefix(
                        "pingzhi-dispatch-" + configuration.get(DispatchOptions.ROSTER_TOPIC))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new KafkaMessageDeserializer())
                .build();
    }

    /** Dead letters as JSON under their deterministic id, so that a replay overwrites its own. */
    public static KafkaSink<DeadLetter> deadLetterSink(Configuration configuration) {
        String topic = configuration.get(DispatchOptions.DEAD_LETTER_TOPIC);
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(configuration.get(DispatchOptions.BOOTSTRAP_SERVERS))
                .setKafkaProducerConfig(clientProperties(configuration))
                .setRecordSerializer(
                        (KafkaRecordSerializationSchema<DeadLetter>)
                                (deadLetter, context, timestamp) ->
                                        new ProducerRecord<>(
                                                topic,
                                                deadLetter.id().getBytes(StandardCharsets.UTF_8),
                                                Json.toString(deadLetter)
                                                        .getBytes(StandardCharsets.UTF_8)))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    private static Properties clientProperties(Configuration configuration) {
        Properties properties = new Properties();
        configuration
                .toMap()
                .forEach(
                        (key, value) -> {
                            if (key.startsWith(CLIENT_PROPERTY_PREFIX)) {
                                properties.setProperty(
                                        key.substring(CLIENT_PROPERTY_PREFIX.length()), value);
                            }
                        });
        return properties;
    }
}
