package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.testing.ContractSamples;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.time.TimeOptions;

/**
 * The contract samples through the live job: Kafka in, Elasticsearch and Kafka out. Live time moves
 * on with the wall clock once the topics fall silent, so the incident that replay leaves PENDING
 * ends BREACHED with both escalation steps; every other one is as the contract expects.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class CommandCenterEndToEndTest {

    private static final String PENDING_IN_REPLAY = "12345-PH2026112800112";

    @Test
    void contractSamplesFlowFromKafkaToElasticsearchAndTheAlertTopics() throws Exception {
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration(
                                "e2e-samples",
                                // the samples are days old: a topic silent for the default 2 s
                                // while the other is still being produced would follow the wall
                                // clock and turn the rest of the samples into late records
                                Map.of(TimeOptions.IDLE_AFTER.key(), "20 s")),
                        CommandCenterJob::wire)) {
            center.produce(Source.HOTLINE_12345, ContractSamples.inputLines("hotline-12345.jsonl"));
            center.produce(Source.POLICE_110, ContractSamples.inputLines("police-110.jsonl"));

            List<JsonNode> expected = ContractSamples.expectedIncidents();
            Map<String, JsonNode> incidents =
                    Poll.until(
                            Duration.ofSeconds(120),
                            "every sample incident in Elasticsearch, the pending one escalated to"
                                    + " CITY",
                            () -> center.documents(DocumentKind.INCIDENT),
                            docs ->
                                    docs.size() == expected.size()
                                            && docs.containsKey(PENDING_IN_REPLAY)
                                            && docs.get(PENDING_IN_REPLAY)
                                                    .path("escalationLevel")
                                                    .asText()
                                                    .equals("CITY"));
            for (JsonNode expectedIncident : expected) {
                String id = expectedIncident.get("incidentId").asText();
                JsonNode actual = incidents.get(id);
                for (Iterator<String> fields = expectedIncident.fieldNames(); fields.hasNext(); ) {
                    String field = fields.next();
                    JsonNode wanted = expectedWhenLive(id, field, expectedIncident.get(field));
                    assertThat(ContractSamples.sameValue(actual.get(field), wanted))
                            .as("%s of %s: %s", field, id, actual)
                            .isTrue();
                }
            }

            String deadLetterTopic = center.configuration().get(KafkaOptions.DEAD_LETTER_TOPIC);
            List<ConsumerRecord<String, String>> deadLetters =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "six dead letters committed to " + deadLetterTopic,
                            () -> center.committedRecords(deadLetterTopic),
                            records -> records.size() >= 6);
            assertThat(reasons(deadLetters)).isEqualTo(ContractSamples.expectedDeadLetters());
            assertThat(center.documents(DocumentKind.DEAD_LETTER)).hasSize(6);

            List<String> escalations =
                    List.of(
                            "sla:110-J330482202611280002:TOWN",
                            "sla:110-J330482202611280004:TOWN",
                            "sla:110-J330482202611280010:TOWN",
                            "sla:110-J330482202611280010:CITY",
                            "sla:" + PENDING_IN_REPLAY + ":TOWN",
                            "sla:" + PENDING_IN_REPLAY + ":CITY");
            String alertTopic = center.configuration().get(KafkaOptions.ALERTS_TOPIC);
            List<ConsumerRecord<String, String>> alerts =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "the escalation alerts committed to " + alertTopic,
                            () -> center.committedRecords(alertTopic),
                            records ->
                                    records.stream()
                                            .map(ConsumerRecord::key)
                                            .collect(Collectors.toSet())
                                            .containsAll(escalations));
            assertThat(alerts).extracting(ConsumerRecord::key).doesNotContainNull();
            // the shipped rules run too: the samples' quiet hours are FEED_SILENCE episodes
            assertThat(center.documents(DocumentKind.ALERT).keySet())
                    .filteredOn(alertId -> alertId.startsWith("sla:"))
                    .containsExactlyInAnyOrderElementsOf(escalations);
            assertThat(
                            center.documents(DocumentKind.ALERT)
                                    .get("sla:" + PENDING_IN_REPLAY + ":CITY")
                                    .get("status")
                                    .asText())
                    .isEqualTo("OPEN");
        }
    }

    /** Live, the replay's PENDING incident goes on to breach and reach the city. */
    private static JsonNode expectedWhenLive(String id, String field, JsonNode replayValue) {
        if (!id.equals(PENDING_IN_REPLAY)) {
            return replayValue;
        }
        return switch (field) {
            case "slaStatus" -> Json.mapper().getNodeFactory().textNode("BREACHED");
            case "escalationLevel" -> Json.mapper().getNodeFactory().textNode("CITY");
            default -> replayValue;
        };
    }

    private static Map<String, Long> reasons(List<ConsumerRecord<String, String>> deadLetters)
            throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ConsumerRecord<String, String> record : deadLetters) {
            counts.merge(
                    Json.mapper().readTree(record.value()).get("reason").asText(), 1L, Long::sum);
        }
        return counts;
    }
}
