package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaPolicy;

/**
 * The samples' nine incidents, from hand-transcribed records ({@link SampleRecords}), match
 * expected-incidents.jsonl field by field: through the pure fold and SLA at the replay horizon, and
 * through the operator in replay mode.
 */
class SampleIncidentsTest {

    /**
     * samples/expected-incidents.jsonl as committed; checked against the contracts when present.
     */
    private static final String EXPECTED =
            """
            {"incidentId": "110-J330482202611280001", "sources": ["110"], "status": "RESOLVED", "category": "DISPUTE", "priority": "P2", "townCode": "330482001", "reportedAt": "2026-11-28T02:00:00.000Z", "slaStatus": "MET", "responseSeconds": 420.0, "escalationLevel": "NONE"}
            {"incidentId": "110-J330482202611280002", "sources": ["110"], "status": "ON_SCENE", "category": "PUBLIC_SECURITY", "priority": "P2", "townCode": "330482102", "reportedAt": "2026-11-28T02:02:00.000Z", "slaStatus": "BREACHED", "responseSeconds": 810.0, "escalationLevel": "TOWN"}
            {"incidentId": "110-J330482202611280004", "sources": ["110", "12345"], "status": "ON_SCENE", "category": "PUBLIC_SERVICE", "priority": "P3", "townCode": "330482002", "reportedAt": "2026-11-28T02:10:00.000Z", "slaStatus": "BREACHED", "responseSeconds": 960.0, "escalationLevel": "TOWN"}
            {"incidentId": "110-J330482202611280005", "sources": ["110"], "status": "CANCELLED", "category": "OTHER", "priority": "P3", "townCode": "330482003", "reportedAt": "2026-11-28T02:20:00.000Z", "slaStatus": "VOID", "responseSeconds": null, "escalationLevel": "NONE"}
            {"incidentId": "110-J330482202611280010", "sources": ["110"], "status": "CLOSED", "category": "FIRE_SAFETY", "priority": "P1", "townCode": "330482100", "reportedAt": "2026-11-28T02:50:00.000Z", "slaStatus": "BREACHED", "responseSeconds": 1500.0, "escalationLevel": "CITY"}
            {"incidentId": "12345-PH2026112800101", "sources": ["12345"], "status": "ON_SCENE", "category": "LABOUR", "priority": "P2", "townCode": "330482102", "reportedAt": "2026-11-28T02:05:00.000Z", "slaStatus": "MET", "responseSeconds": 540.0, "escalationLevel": "NONE"}
            {"incidentId": "12345-PH2026112800106", "sources": ["12345"], "status": "RESOLVED", "category": "PUBLIC_SERVICE", "priority": "P3", "townCode": "330482104", "reportedAt": "2026-11-28T02:30:00.000Z", "slaStatus": "MET", "responseSeconds": 360.0, "escalationLevel": "NONE"}
            {"incidentId": "12345-PH2026112800108", "sources": ["12345"], "status": "ON_SCENE", "category": "FIRE_SAFETY", "priority": "P2", "townCode": "330482105", "reportedAt": "2026-11-28T02:40:00.000Z", "slaStatus": "MET", "responseSeconds": 300.0, "escalationLevel": "NONE"}
            {"incidentId": "12345-PH2026112800112", "sources": ["12345"], "status": "REPORTED", "category": "TRAFFIC", "priority": "P3", "townCode": "330482103", "reportedAt": "2026-11-28T03:20:00.000Z", "slaStatus": "PENDING", "responseSeconds": null, "escalationLevel": "NONE"}
            """;

    private static List<UnifiedEvent> allRecords() {
        List<UnifiedEvent> records = new ArrayList<>(SampleRecords.hotline12345());
        records.addAll(SampleRecords.police110());
        return records;
    }

    private static List<JsonNode> expected() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : EXPECTED.strip().split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }

    private static void assertMatches(Map<String, JsonNode> actualById) throws IOException {
        List<JsonNode> expected = expected();
        assertThat(actualById.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(line -> line.get("incidentId").asText()).toList());
        for (JsonNode line : expected) {
            JsonNode actual = actualById.get(line.get("incidentId").asText());
            for (Iterator<String> fields = line.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                assertThat(actual.get(field))
                        .as("%s %s", line.get("incidentId").asText(), field)
                        .isEqualTo(line.get(field));
            }
        }
    }

    @Test
    void theCommittedExpectationIsTheContracts() throws IOException {
        Path contract =
                Path.of(
                        System.getProperty("pingzhi.contracts.dir", "../../shared/contracts"),
                        "samples",
                        "expected-incidents.jsonl");
        assumeTrue(Files.exists(contract), "contracts not present: " + contract);

        assertThat(Files.readString(contract).strip()).isEqualTo(EXPECTED.strip());
    }

    @Test
    void theFoldAndSlaAtTheHorizonGiveTheExpectedIncidents() throws IOException {
        SlaPolicy policy = SlaPolicy.defaultPolicy();
        Map<String, List<UnifiedEvent>> byIncident =
                allRecords().stream()
                        .collect(
                                Collectors.groupingBy(
                                        UnifiedEvent::incidentId,
                                        LinkedHashMap::new,
                                        Collectors.toList()));
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        byIncident.forEach(
                (id, records) -> {
                    IncidentState state = IncidentFold.fold(id, records);
                    documents.put(
                            id,
                            LifecycleHarness.json(
                                    RenderedDocuments.incident(
                                            state,
                                            SlaEvaluator.evaluate(
                                                    state.slaInput(),
                                                    policy.targetMillis(state.slaInput().subject()),
                                                    SampleRecords.HORIZON))));
                });

        assertMatches(documents);
    }

    @Test
    void theOperatorInReplayGivesTheExpectedIncidents() throws Exception {
        LifecycleHarness harness =
                new LifecycleHarness(LifecycleSettings.replay(SampleRecords.HORIZON));
        for (UnifiedEvent record : allRecords()) {
            harness.send(record);
        }
        harness.watermark(Long.MAX_VALUE);

        Map<String, JsonNode> documents = new LinkedHashMap<>();
        harness.latest()
                .forEach(
                        (key, document) -> {
                            if (key.startsWith("INCIDENT/")) {
                                documents.put(document.id(), LifecycleHarness.json(document));
                            }
                        });
        assertMatches(documents);
        assertThat(harness.latest().keySet())
                .as("escalations of the breached incidents, none of the others")
                .filteredOn(key -> key.startsWith("ALERT/"))
                .containsExactlyInAnyOrder(
                        "ALERT/sla:110-J330482202611280002:TOWN",
                        "ALERT/sla:110-J330482202611280004:TOWN",
                        "ALERT/sla:110-J330482202611280010:TOWN",
                        "ALERT/sla:110-J330482202611280010:CITY");
        harness.close();
    }
}
