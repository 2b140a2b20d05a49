package org.pingzhi.jobs.rules.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DeadLetter;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.rules.RulesFile;

class RulesControlFunctionTest {

    private static final long AT = 1_764_554_400_000L;

    private KeyedOneInputStreamOperatorTestHarness<String, RulesControlRecord, RulesVersion>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new RulesControlFunction(new RulesFile("start", List.of())),
                        record -> RulesControlFunction.KEY,
                        Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void publish(long offset, String json, long at) throws Exception {
        harness.processElement(
                new RulesControlRecord(
                        "pingzhi-rules", 0, offset, at, json.getBytes(StandardCharsets.UTF_8)),
                at);
    }

    private static String rules(String version, int threshold) {
        return "{\"version\": \""
                + version
                + "\", \"rules\": [{\"id\": \"hot\", \"kind\": \"HOTSPOT\", \"severity\":"
                + " \"WARNING\", \"level\": \"TOWN\", \"key\": [\"townCode\"], \"threshold\": "
                + threshold
                + ", \"window\": \"PT30M\"}]}";
    }

    private List<JsonNode> audit() throws Exception {
        List<JsonNode> documents = new java.util.ArrayList<>();
        for (Document document : auditDocuments()) {
            assertThat(document.kind()).isEqualTo(DocumentKind.RULE);
            documents.add(Json.mapper().readTree(document.json()));
        }
        return documents;
    }

    private List<DeadLetter> deadLetters() {
        var records = harness.getSideOutput(RulesControlFunction.DEAD_LETTERS);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void aValidFileComesIntoForceAndTheNextReplacesItInTheAudit() throws Exception {
        publish(0, rules("v2", 2), AT);
        publish(1, rules("v3", 4), AT + 60_000);

        assertThat(harness.extractOutputValues())
                .extracting(RulesVersion::version, RulesVersion::inForceFrom)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v2", AT),
                        org.assertj.core.groups.Tuple.tuple("v3", AT + 60_000));
        List<JsonNode> audit = audit();
        assertThat(audit)
                .extracting(doc -> doc.path("ruleId").asText() + ":" + doc.path("version").asText())
                .containsExactly("hot:v2", "hot:v2", "hot:v3");
        JsonNode replaced = audit.get(1);
        assertThat(replaced.path("inForceFrom").asText()).isEqualTo("2025-12-01T02:00:00.000Z");
        assertThat(replaced.path("replacedAt").asText()).isEqualTo("2025-12-01T02:01:00.000Z");
        assertThat(replaced.path("replacedBy").asText()).isEqualTo("v3");
        assertThat(replaced.path("rule").path("threshold").asInt()).isEqualTo(2);
        assertThat(audit.get(2).path("replacedAt").isNull()).isTrue();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anInvalidFileIsDeadLetteredWithTheParsersReasonAndChangesNothing() throws Exception {
        publish(0, rules("v2", 2), AT);
        publish(1, rules("v3", 1), AT + 60_000);
        publish(2, rules("v2", 3), AT + 120_000);
        publish(3, rules("v2", 2), AT + 180_000);

        assertThat(harness.extractOutputValues())
                .extracting(RulesVersion::version)
                .containsExactly("v2");
        List<DeadLetter> deadLetters = deadLetters();
        assertThat(deadLetters).extracting(DeadLetter::offset).containsExactly(1L, 2L);
        assertThat(deadLetters)
                .allSatisfy(dead -> assertThat(dead.reason()).isEqualTo(ReasonCode.INVALID_RULES));
        assertThat(deadLetters.get(0).message()).contains("\"hot\"").contains("threshold");
        assertThat(deadLetters.get(0).id()).isEqualTo("pingzhi-rules:0:1");
        assertThat(deadLetters.get(0).readAt()).isEqualTo(AT + 60_000);
        assertThat(deadLetters.get(1).message()).contains("\"v2\" is in force with other rules");
        assertThat(audit()).hasSize(1);
    }

    private static RulesFile parsed(String json) {
        return org.pingzhi.common.rules.RulesFileParser.standard().parse(json, "start file");
    }

    private void startedWith(String startJson) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, RulesControlRecord, RulesVersion> started =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new RulesControlFunction(parsed(startJson)),
                        record -> RulesControlFunction.KEY,
                        Types.STRING);
        harness.close();
        harness = started;
    }

    private void start(String json, long at) throws Exception {
        harness.processElement(
                RulesControlRecord.startFile(json.getBytes(StandardCharsets.UTF_8), at), at);
    }

    private List<Document> auditDocuments() {
        var records = harness.getSideOutput(RulesControlFunction.AUDIT);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void theStartFileIsAuditedInForceFromTheJobsStartAndReplacedByTheFirstPublishedVersion()
            throws Exception {
        startedWith(rules("start", 3));
        start(rules("start", 3), AT);
        publish(0, rules("v2", 2), AT + 60_000);

        assertThat(harness.extractOutputValues())
                .extracting(RulesVersion::version)
                .containsExactly("v2");
        List<JsonNode> audit = audit();
        assertThat(audit)
                .extracting(doc -> doc.path("ruleId").asText() + ":" + doc.path("version").asText())
                .containsExactly("hot:start", "hot:start", "hot:v2");
        JsonNode inForce = audit.get(0);
        assertThat(inForce.path("inForceFrom").asText()).isEqualTo("2025-12-01T02:00:00.000Z");
        assertThat(inForce.path("replacedAt").isNull()).isTrue();
        assertThat(inForce.path("rule").path("threshold").asInt()).isEqualTo(3);
        JsonNode replaced = audit.get(1);
        assertThat(replaced.path("inForceFrom").asText()).isEqualTo("2025-12-01T02:00:00.000Z");
        assertThat(replaced.path("replacedAt").asText()).isEqualTo("2025-12-01T02:01:00.000Z");
        assertThat(replaced.path("replacedBy").asText()).isEqualTo("v2");
        List<Document> documents = auditDocuments();
        assertThat(documents.get(0).id()).isEqualTo("hot:start");
        assertThat(documents.get(0).fixedVersion())
                .as("a later start's in-force write must not overwrite the first")
                .isPositive()
                .isLessThan(documents.get(1).fixedVersion());
        assertThat(documents.get(2).fixedVersion()).as("published: the writer's clock").isZero();
    }

    @Test
    void aRestoredJobKeepsWhenTheStartFileCameIntoForce() throws Exception {
        startedWith(rules("start", 3));
        start(rules("start", 3), AT);
        var snapshot = harness.snapshot(1, AT + 1);
        harness.close();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new RulesControlFunction(parsed(rules("start", 3)))),
                        record -> RulesControlFunction.KEY,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();

        start(rules("start", 3), AT + 3_600_000);
        assertThat(audit()).as("started again: nothing written again").isEmpty();
        publish(0, rules("v2", 2), AT + 7_200_000);

        JsonNode replaced = audit().get(0);
        assertThat(replaced.path("version").asText()).isEqualTo("start");
        assertThat(replaced.path("inForceFrom").asText()).isEqualTo("2025-12-01T02:00:00.000Z");
        assertThat(replaced.path("replacedAt").asText()).isEqualTo("2025-12-01T04:00:00.000Z");
    }

    @Test
    void versionsReadBeforeTheStartLeaveTheStartFileReplacedAsTheJobStarted() throws Exception {
        startedWith(rules("start", 3));
        publish(0, rules("v2", 2), AT - 60_000);
        start(rules("start", 3), AT);

        List<JsonNode> audit = audit();
        assertThat(audit)
                .extracting(doc -> doc.path("ruleId").asText() + ":" + doc.path("version").asText())
                .containsExactly("hot:v2", "hot:start");
        JsonNode start = audit.get(1);
        assertThat(start.path("inForceFrom").asText()).isEqualTo("2025-12-01T02:00:00.000Z");
        assertThat(start.path("replacedAt").asText()).isEqualTo("2025-12-01T02:00:00.000Z");
        assertThat(start.path("replacedBy").asText()).isEqualTo("v2");
    }
}
