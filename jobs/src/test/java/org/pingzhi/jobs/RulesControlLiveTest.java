package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.graph.CommandCenterGraph;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;

/**
 * Rules changed live through the control topic, on one running job: a lowered HOTSPOT threshold is
 * in force without a restart, so is a lowered BACKLOG threshold (the old rule's open episodes
 * resolved when the new one came into force), an invalid file is dead-lettered and changes nothing,
 * every version that came into force is audited with when it came into force and when it was
 * replaced (the start file too, in force from the job's start), and after a restart from a
 * checkpoint the published rules, not the start file, are in force and the start file's audit keeps
 * when it came into force.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class RulesControlLiveTest {

    private static final String RULE = "town-hotspot";
    private static final String BACKLOG = "town-backlog";
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicInteger CHECKPOINTS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * The reports are minutes behind the watermark, which live follows the wall clock: a BACKLOG
     * run of theirs starts at the first minute end after the watermark they meet and fires its
     * duration (1 min) later, up to 2 min after they were sent.
     */
    private static final Duration BACKLOG_WAIT = WAIT.plus(Duration.ofMinutes(2));

    private final AtomicInteger alarms = new AtomicInteger();

    @Test
    void publishedRulesComeIntoForceLiveAreAuditedAndSurviveARestart(@TempDir Path folder)
            throws Exception {
        Path startFile =
                Files.writeString(folder.resolve("rules.json"), rules("start", 3, "WARNING"));
        String name = "rules-live";
        ElasticsearchExtension.deleteIndices(name + "-*");
        Configuration configuration =
                LiveCommandCenter.configuration(
                        name,
                        Map.of(
                                "pingzhi.rules.file",
                                startFile.toString(),
                                "pingzhi.kafka.topic.rules",
                                name + "-rules",
                                "pingzhi.time.startup-grace",
                                "0 s"));
        KafkaExtension.createTopics(name + "-rules");
        long testStarted = System.currentTimeMillis();
        try (LiveCommandCenter center =
                LiveCommandCenter.start(configuration, RulesControlLiveTest::wireWithFailure)) {
            // the start file is audited in force from the job's start, then replaced by v2
            String startInForceFrom =
                    awaitInForce(center, "start").get(RULE + ":start").path("inForceFrom").asText();
            assertThat(Times.parseIso(startInForceFrom))
                    .isBetween(testStarted, System.currentTimeMillis());
            // (a) threshold 3 -> 2 without a restart: two disputes in one town now fire
            long v2At = publish(configuration, "v2", rules("v2", 2, "WARNING"));
            awaitInForce(center, "v2");
            JsonNode start =
                    Poll.until(
                                    WAIT,
                                    "the start file replaced by v2",
                                    () -> center.documents(DocumentKind.RULE),
                                    docs -> !docs.get(RULE + ":start").path("replacedAt").isNull())
                            .get(RULE + ":start");
            assertThat(start.path("inForceFrom").asText()).isEqualTo(startInForceFrom);
            assertThat(start.path("replacedAt").asText()).isEqualTo(Times.iso(v2At));
            assertThat(start.path("replacedBy").asText()).isEqualTo("v2");
            assertThat(start.path("rule").path("threshold").asInt()).isEqualTo(3);
            report(center, "330482100", 2);
            JsonNode fired = awaitAlert(center, "330482100");
            assertThat(fired.path("ruleVersion").asText()).isEqualTo("v2");
            assertThat(fired.path("count").asLong()).isEqualTo(2);

            // (b) an invalid file is dead-lettered with the parser's reason; v2 stays in force
            long invalidAt = publish(configuration, "v3", rules("v3", 1, "WARNING"));
            Map<String, JsonNode> deadLetters =
                    Poll.until(
                            WAIT,
                            "the invalid rules file dead-lettered",
                            () -> center.documents(DocumentKind.DEAD_LETTER),
                            docs -> docs.containsKey(name + "-rules:0:1"));
            JsonNode rejected = deadLetters.get(name + "-rules:0:1");
            assertThat(rejected.path("reason").asText()).isEqualTo("INVALID_RULES");
            assertThat(rejected.path("message").asText()).contains(RULE).contains("threshold");
            assertThat(rejected.path("readAt").asText()).isEqualTo(Times.iso(invalidAt));
            // the topic's transaction commits at the next checkpoint, after Elasticsearch has it
            Poll.until(
                    WAIT,
                    "the invalid rules file on the dead-letter topic",
                    () ->
                            center
                                    .committedRecords(
                                            configuration.get(KafkaOptions.DEAD_LETTER_TOPIC))
                                    .stream()
                                    .map(ConsumerRecord::key)
                                    .toList(),
                    keys -> keys.contains(name + "-rules:0:1"));
            report(center, "330482101", 2);
            assertThat(awaitAlert(center, "330482101").path("ruleVersion").asText())
                    .as("the previous version stays in force")
                    .isEqualTo("v2");

            // (d) the next version replaces v2 in the audit index
            long v4At = publish(configuration, "v4", rules("v4", 2, "CRITICAL"));
            Map<String, JsonNode> audit = awaitInForce(center, "v4");
            Map<String, JsonNode> replaced =
                    Poll.until(
                            WAIT,
                            "v2 replaced by v4",
                            () -> center.documents(DocumentKind.RULE),
                            docs ->
                                    docs.containsKey(RULE + ":v2")
                                            && !docs.get(RULE + ":v2").path("replacedAt").isNull());
            JsonNode v2 = replaced.get(RULE + ":v2");
            assertThat(v2.path("version").asText()).isEqualTo("v2");
            assertThat(v2.path("inForceFrom").asText()).isEqualTo(Times.iso(v2At));
            assertThat(v2.path("replacedAt").asText()).isEqualTo(Times.iso(v4At));
            assertThat(v2.path("replacedBy").asText()).isEqualTo("v4");
            assertThat(v2.path("rule").path("threshold").asInt()).isEqualTo(2);
            JsonNode v4 = audit.get(RULE + ":v4");
            assertThat(v4.path("inForceFrom").asText()).isEqualTo(Times.iso(v4At));
            assertThat(v4.has("replacedAt") && v4.path("replacedAt").isNull()).isTrue();
            assertThat(v4.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(replaced).doesNotContainKey(RULE + ":v3");

            // (e) BACKLOG 1 -> 0: town 100's backlog (2 open) ends when v5 comes into force, and
            // one open incident of another town is a backlog of v5's
            JsonNode backlog = awaitBacklog(center, "330482100", "OPEN");
            long v5At = publish(configuration, "v5", rules("v5", 2, "CRITICAL", 0));
            awaitInForce(center, "v5");
            JsonNode ended = awaitBacklog(center, "330482100", "RESOLVED");
            assertThat(ended.path("alertId").asText()).isEqualTo(backlog.path("alertId").asText());
            assertThat(ended.path("resolvedAt").asText()).isEqualTo(Times.iso(v5At));
            assertThat(ended.path("ruleVersion").asText()).isEqualTo("v4");
            report(center, "330482104", 1);
            JsonNode v5Backlog = awaitBacklog(center, "330482104", "OPEN");
            assertThat(v5Backlog.path("ruleVersion").asText()).isEqualTo("v5");
            assertThat(v5Backlog.path("count").asLong()).isEqualTo(1);

            // (c) a restart from a checkpoint taken with v5 in force: v5 (threshold 2) still is,
            // not the start file (threshold 3)
            int checkpoints = CHECKPOINTS.get();
            Poll.until(
                    WAIT,
                    "two checkpoints with v5 in force",
                    CHECKPOINTS::get,
                    count -> count >= checkpoints + 2);
            ARMED.set(true);
            report(center, "330482102", 1);
            Poll.until(WAIT, "the injected failure", FAILED::get, failed -> failed);
            report(center, "330482103", 2);
            JsonNode afterRestart = awaitAlert(center, "330482103");
            assertThat(afterRestart.path("ruleVersion").asText()).isEqualTo("v5");
            assertThat(afterRestart.path("severity").asText()).isEqualTo("CRITICAL");
            JsonNode startAfterRestart = center.documents(DocumentKind.RULE).get(RULE + ":start");
            assertThat(startAfterRestart.path("inForceFrom").asText())
                    .as("the restart keeps when the start file came into force")
                    .isEqualTo(startInForceFrom);
            assertThat(startAfterRestart.path("replacedBy").asText()).isEqualTo("v2");
        }
    }

    /**
     * A rules file with one HOTSPOT rule, {@code threshold} incidents of a town within 1 h, and one
     * BACKLOG rule, more than 1 incident of a town open for a minute.
     */
    private static String rules(String version, int threshold, String severity) {
        return rules(version, threshold, severity, 1);
    }

    private static String rules(
            String version, int threshold, String severity, int backlogThreshold) {
        return "{\"version\": \""
                + version
                + "\", \"rules\": [{\"id\": \""
                + RULE
                + "\", \"kind\": \"HOTSPOT\", \"severity\": \""
                + severity
                + "\", \"level\": \"TOWN\", \"key\": [\"townCode\"], \"threshold\": "
                + threshold
                + ", \"window\": \"PT1H\"}, {\"id\": \""
                + BACKLOG
                + "\", \"kind\": \"BACKLOG\", \"severity\": \"WARNING\", \"level\": \"CITY\","
                + " \"threshold\": "
                + backlogThreshold
                + ", \"duration\": \"PT1M\"}]}";
    }

    /** Publishes like {@code pingzhi rules publish}; returns the record's timestamp. */
    private static long publish(Configuration configuration, String version, String json)
            throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            return producer.send(
                            new ProducerRecord<>(
                                    configuration.get(KafkaOptions.RULES_TOPIC), version, json))
                    .get()
                    .timestamp();
        }
    }

    private static Map<String, JsonNode> awaitInForce(LiveCommandCenter center, String version)
            throws Exception {
        return Poll.until(
                WAIT,
                "rules version " + version + " in force",
                () -> center.documents(DocumentKind.RULE),
                docs -> docs.containsKey(RULE + ":" + version));
    }

    private static JsonNode awaitAlert(LiveCommandCenter center, String townCode) throws Exception {
        return awaitAlert(center, townCode, RULE, "OPEN", WAIT);
    }

    private static JsonNode awaitBacklog(LiveCommandCenter center, String townCode, String status)
            throws Exception {
        return awaitAlert(center, townCode, BACKLOG, status, BACKLOG_WAIT);
    }

    /** The alert of rule {@code ruleId} for the town, once it has {@code status}. */
    private static JsonNode awaitAlert(
            LiveCommandCenter center, String townCode, String ruleId, String status, Duration wait)
            throws Exception {
        Predicate<JsonNode> wanted =
                doc ->
                        doc.path("townCode").asText().equals(townCode)
                                && doc.path("ruleId").asText().equals(ruleId)
                                && doc.path("status").asText().equals(status);
        return Poll.until(
                        wait,
                        "a " + status + " alert of rule " + ruleId + ", town " + townCode,
                        () -> center.documents(DocumentKind.ALERT),
                        docs -> docs.values().stream().anyMatch(wanted))
                .values()
                .stream()
                .filter(wanted)
                .findFirst()
                .orElseThrow();
    }

    /** {@code count} 110 reports in the town of {@code townCode}, a minute apart, just past. */
    private void report(LiveCommandCenter center, String townCode, int count) throws Exception {
        String station =
                org.pingzhi.common.directory.TownDirectory.standard()
                        .byCode(townCode)
                        .orElseThrow()
                        .station();
        long first = Instant.now().minus(Duration.ofMinutes(count + 1)).toEpochMilli();
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(
                    ("{\"alarmId\": \"J-RULES-"
                                    + String.format("%06d", alarms.incrementAndGet())
                                    + "\", \"status\": \"RECEIVED\", \"statusTime\": "
                                    + (first + i * 60_000L)
                                    + ", \"alarmType\": \"纠纷\", \"level\": 2, \"station\": \""
                                    + station
                                    + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        center.produce(Source.POLICE_110, records);
    }

    private static void wireWithFailure(
            StreamExecutionEnvironment env, Configuration configuration) {
        CommandCenterJob.writeOutputs(
                configuration,
                CommandCenterGraph.build(
                        CommandCenterJob.kafkaRecords(env, configuration, Source.HOTLINE_12345),
                        CommandCenterJob.kafkaRecords(env, configuration, Source.POLICE_110)
                                .map(new FailOnceAfterACheckpoint())
                                .uid("fail-once")
                                .name("Fail once"),
                        CommandCenterJob.rulesControlRecords(env, configuration),
                        CommandCenterJob.kafkaAcknowledgements(env, configuration),
                        CommandCenterJob.settings(configuration)));
    }

    /** Throws once, on the first record after a completed checkpoint once the test armed it. */
    private static final class FailOnceAfterACheckpoint
            implements MapFunction<
                            Either<UnifiedEvent, DeadLetter>, Either<UnifiedEvent, DeadLetter>>,
                    CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient boolean checkpointed;

        @Override
        public Either<UnifiedEvent, DeadLetter> map(Either<UnifiedEvent, DeadLetter> record) {
            if (ARMED.get() && checkpointed && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("failure injected on purpose by the test");
            }
            return record;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
            CHECKPOINTS.incrementAndGet();
        }
    }
}
