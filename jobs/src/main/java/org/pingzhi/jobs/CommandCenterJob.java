package org.pingzhi.jobs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.jobs.ack.AckStateDescriptors;
import org.pingzhi.jobs.config.JobConfiguration;
import org.pingzhi.jobs.config.Operations;
import org.pingzhi.jobs.config.OperationsOptions;
import org.pingzhi.jobs.config.RulesOptions;
import org.pingzhi.jobs.graph.CommandCenterGraph;
import org.pingzhi.jobs.graph.CommandCenterSettings;
import org.pingzhi.jobs.graph.CommandCenterStreams;
import org.pingzhi.jobs.kafka.KafkaDeadLetterRejectedDocumentHandler;
import org.pingzhi.jobs.kafka.KafkaEdges;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.normalize.NormalizedRecords;
import org.pingzhi.jobs.rules.control.RulesControl;
import org.pingzhi.jobs.rules.control.RulesControlRecord;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchClients;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchConnection;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchSinkBuilder;
import org.pingzhi.jobs.sink.elasticsearch.IndexTemplateInstaller;
import org.pingzhi.jobs.sla.SlaPolicy;
import org.pingzhi.jobs.time.AcceptedEventsOnly;
import org.pingzhi.jobs.time.EventTime;
import org.pingzhi.jobs.time.TimeOptions;
import org.pingzhi.jobs.time.WallClockWhileIdle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live command-center job: Kafka in (the sources' events and the duty officers'
 * acknowledgements); incident states, SLA events, alerts, per-minute metrics and dead letters to
 * Elasticsearch; alerts (ACKED ones too) and dead letters to their Kafka topics.
 *
 * <p>{@code flink run pingzhi-jobs-*-flink.jar [--config FILE] [--conf KEY=VALUE ...]}
 */
public final class CommandCenterJob {

    public static final String JOB_NAME = "pingzhi command center";

    private static final Logger LOG = LoggerFactory.getLogger(CommandCenterJob.class);

    private CommandCenterJob() {}

    public static void main(String[] args) throws Exception {
        Configuration configuration = JobConfiguration.fromArgs(args, System.getenv());
        SecurityWarnings.logAtStart(configuration);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        Operations.flinkConfiguration(configuration));
        installIndexTemplates(configuration);
        wire(env, configuration);
        env.execute(JOB_NAME);
    }

    /** Installs (or updates) the index templates; safe at every start. */
    public static List<String> installIndexTemplates(Configuration configuration) throws Exception {
        try (var client =
                ElasticsearchClients.client(
                        ElasticsearchConnection.fromConfiguration(configuration))) {
            List<String> installed =
                    IndexTemplateInstaller.installAll(
                            client, configuration.get(ElasticsearchOptions.INDEX_PREFIX));
            LOG.info("Index templates installed: {}", installed);
            return installed;
        }
    }

    /** Adds the whole job to {@code env}, with the key groups its keyed state is split into. */
    public static void wire(StreamExecutionEnvironment env, Configuration configuration) {
        env.setMaxParallelism(configuration.get(OperationsOptions.MAX_PARALLELISM));
        writeOutputs(
                configuration,
                CommandCenterGraph.build(
                        kafkaRecords(env, configuration, Source.HOTLINE_12345),
                        kafkaRecords(env, configuration, Source.POLICE_110),
                        rulesControlRecords(env, configuration),
                        kafkaAcknowledgements(env, configuration),
                        settings(configuration)));
    }

    /**
     * The records of the rules control topic, read by one subtask (they are judged in topic order);
     * they carry no event time. With them, once, the file loaded at start as the job is built now,
     * for its audit (kept from the first start on: see {@link
     * org.pingzhi.jobs.rules.control.RulesControlFunction}).
     */
    public static DataStream<RulesControlRecord> rulesControlRecords(
            StreamExecutionEnvironment env, Configuration configuration) {
        DataStream<RulesControlRecord> startFile =
                env.fromData(
                                List.of(
                                        RulesControlRecord.startFile(
                                                RulesOptions.text(configuration)
                                                        .getBytes(StandardCharsets.UTF_8),
                                                System.currentTimeMillis())),
                                RulesControl.RECORD_TYPE)
                        .setParallelism(1)
                        .uid("rules-start-file")
                        .name("Rules start file");
        return env.fromSource(
                        KafkaEdges.rulesControlSource(configuration),
                        WatermarkStrategy.noWatermarks(),
                        "Kafka " + configuration.get(KafkaOptions.RULES_TOPIC))
                .setParallelism(1)
                .uid("kafka-source-rules-control")
                .union(startFile);
    }

    /** The graph's settings for live operation. */
    public static CommandCenterSettings settings(Configuration configuration) {
        return CommandCenterSettings.of(
                SlaPolicy.fromConfig(configuration),
                LifecycleSettings.fromConfig(configuration, LifecycleSettings.LIVE_HORIZON),
                RulesOptions.rules(configuration),
                configuration);
    }

    /**
     * Everything to Elasticsearch (dead letters masked; documents Elasticsearch refuses go to the
     * dead-letter topic), dead letters and alerts also to their Kafka topics.
     */
    public static void writeOutputs(Configuration configuration, CommandCenterStreams streams) {
        boolean checkpointing = Operations.checkpointing(configuration);
        DataStream<Document> deadLetters = streams.deadLetterDocuments();
        streams.documents()
                .union(streams.indexedDeadLetterDocuments())
                .sinkTo(
                        ElasticsearchSinkBuilder.forDocuments(configuration)
                                .setRejectedDocumentHandler(
                                        new KafkaDeadLetterRejectedDocumentHandler(
                                                KafkaEdges.producerProperties(configuration),
                                                configuration.get(KafkaOptions.DEAD_LETTER_TOPIC)))
                                .build())
                .uid("elasticsearch-sink")
                .name("Elasticsearch");
        deadLetters
                .sinkTo(
                        KafkaEdges.documentSink(
                                configuration,
                                configuration.get(KafkaOptions.DEAD_LETTER_TOPIC),
                                checkpointing))
                .uid("kafka-deadletter-sink")
                .name("Kafka dead letters");
        streams.documents()
                // the alerts topic is transactional: what a failed attempt sent was never
                // committed, so a deletion has nothing to withdraw there
                .filter(document -> document.kind() == DocumentKind.ALERT && !document.deletion())
                .uid("alerts-only")
                .name("Alerts")
                .sinkTo(
                        KafkaEdges.documentSink(
                                configuration,
                                configuration.get(KafkaOptions.ALERTS_TOPIC),
                                checkpointing))
                .uid("kafka-alerts-sink")
                .name("Kafka alerts");
    }

    /**
     * The duty officers' acknowledgements from their Kafka topic, in their own (wall-clock) time,
     * which holds the alerts' time back no further than the sources do.
     */
    public static DataStream<AlertAcknowledgement> kafkaAcknowledgements(
            StreamExecutionEnvironment env, Configuration configuration) {
        return env.fromSource(
                        KafkaEdges.acknowledgementSource(configuration),
                        EventTime.acknowledgements(
                                configuration,
                                KafkaEdges.backlog(
                                        configuration, configuration.get(KafkaOptions.ACKS_TOPIC))),
                        "Kafka " + configuration.get(KafkaOptions.ACKS_TOPIC))
                .uid("kafka-source-acks")
                .transform(
                        "Wall clock while idle acks",
                        AckStateDescriptors.ACK_TYPE,
                        new WallClockWhileIdle<AlertAcknowledgement>(
                                configuration.get(TimeOptions.OUT_OF_ORDERNESS),
                                Operations.watermarkInterval(configuration),
                                acknowledgement -> true))
                .uid("wall-clock-while-idle-acks");
    }

    /**
     * One source's records from its Kafka topic, normalized as they are read, in event time per
     * partition.
     */
    public static DataStream<Either<UnifiedEvent, DeadLetter>> kafkaRecords(
            StreamExecutionEnvironment env, Configuration configuration, Source source) {
        return env.fromSource(
                        KafkaEdges.source(
                                configuration, source, Normalizer.fromConfiguration(configuration)),
                        EventTime.live(
                                configuration,
                                KafkaEdges.backlog(
                                        configuration, KafkaEdges.topicOf(configuration, source))),
                        "Kafka " + KafkaEdges.topicOf(configuration, source))
                .uid("kafka-source-" + source.defaultTopic())
                .transform(
                        "Wall clock while idle " + source.code(),
                        NormalizedRecords.TYPE,
                        new WallClockWhileIdle<>(
                                configuration.get(TimeOptions.OUT_OF_ORDERNESS),
                                Operations.watermarkInterval(configuration),
                                AcceptedEventsOnly::accepted))
                .uid("wall-clock-while-idle-" + source.defaultTopic());
    }
}
