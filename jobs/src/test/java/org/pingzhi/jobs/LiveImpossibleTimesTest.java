package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * Live, records whose event time cannot be true are dead letters and never move event time: an open
 * incident reported just now is not breached by a record dated 2100, Long.MAX_VALUE milliseconds or
 * a 110 time in seconds arriving after it on the same topic.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LiveImpossibleTimesTest {

    private static final String OPEN = "J-OPEN-NOW-1";

    @Test
    void impossibleEventTimesAreDeadLetteredAndFireNoDeadline() throws Exception {
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration("e2e-impossible-times", Map.of()),
                        CommandCenterJob::wire)) {
            long now = System.currentTimeMillis();
            center.produce(
                    Source.POLICE_110,
                    List.of(
                            RawInputs.alarm(OPEN, "RECEIVED", now),
                            RawInputs.alarm("J-FAR-FUTURE-1", "RECEIVED", Long.MAX_VALUE),
                            RawInputs.alarm(
                                    OPEN,
                                    "DISPATCHED",
                                    Instant.parse("2100-01-01T00:00:00Z").toEpochMilli()),
                            RawInputs.alarm("J-IN-SECONDS-1", "RECEIVED", now / 1_000)));
            center.produce(
                    Source.HOTLINE_12345,
                    List.of(
                            ("{\"orderId\":\"PH-FUTURE-1\",\"action\":\"CREATE\",\"actionTime\":"
                                            + "\"2100-01-01T08:00:00+08:00\",\"town\":\"当湖街道\"}")
                                    .getBytes(StandardCharsets.UTF_8)));

            String deadLetterTopic = center.configuration().get(KafkaOptions.DEAD_LETTER_TOPIC);
            List<ConsumerRecord<String, String>> deadLetters =
                    Poll.until(
                            Duration.ofSeconds(90),
                            "four BAD_TIMESTAMP dead letters committed to " + deadLetterTopic,
                            () -> center.committedRecords(deadLetterTopic),
                            records -> records.size() >= 4);
            for (ConsumerRecord<String, String> record : deadLetters) {
                assertThat(Json.mapper().readTree(record.value()).get("reason").asText())
                        .isEqualTo("BAD_TIMESTAMP");
            }

            Map<String, JsonNode> incidents =
                    Poll.until(
                            Duration.ofSeconds(30),
                            "the open incident indexed",
                            () -> center.documents(DocumentKind.INCIDENT),
                            docs -> docs.containsKey("110-" + OPEN));
            assertThat(incidents).containsOnlyKeys("110-" + OPEN);
            JsonNode open = incidents.get("110-" + OPEN);
            assertThat(open.get("status").asText()).isEqualTo("REPORTED");
            assertThat(open.get("slaStatus").asText()).isEqualTo("PENDING");
            assertThat(open.get("escalationLevel").asText()).isEqualTo("NONE");
            assertThat(center.documents(DocumentKind.SLA_EVENT)).isEmpty();
        }
    }
}
