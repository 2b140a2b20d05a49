package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.jobs.kafka.KafkaOptions;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * A duty officer's acknowledgement, read from the acks topic, shows on the escalation's alert
 * document in Elasticsearch and on the alerts topic; the first one wins, and the resolution keeps
 * it.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LiveAcknowledgementTest {

    private static final int TARGET_SECONDS = 8;
    private static final String ALERT_ID = "sla:110-J-ACK-1:TOWN";

    @TempDir Path folder;

    @Test
    void anAcknowledgedEscalationShowsAckedWithWhoAndWhenAndItsResolutionKeepsThem()
            throws Exception {
        try (LiveCommandCenter center =
                LiveCommandCenter.startWithTarget("e2e-acks", folder, TARGET_SECONDS)) {
            center.awaitReading("PH-ACK-WARMUP-1");

            long reportedAt = System.currentTimeMillis();
            center.produce(
                    Source.POLICE_110, List.of(RawInputs.alarm("J-ACK-1", "RECEIVED", reportedAt)));
            Poll.until(
                    Duration.ofSeconds(TARGET_SECONDS + 60),
                    "the TOWN escalation OPEN",
                    () -> center.documents(DocumentKind.ALERT),
                    docs -> "OPEN".equals(status(docs)));

            long ackedAt = System.currentTimeMillis();
            AlertAcknowledgement first = new AlertAcknowledgement(ALERT_ID, "danghu-day", ackedAt);
            center.acknowledge(
                    first,
                    first,
                    new AlertAcknowledgement(ALERT_ID, "city-day", ackedAt + 1_000),
                    new AlertAcknowledgement("sla:110-J-NEVER:TOWN", "danghu-day", ackedAt));
            JsonNode acked =
                    Poll.until(
                                    Duration.ofSeconds(60),
                                    "the alert ACKED in Elasticsearch",
                                    () -> center.documents(DocumentKind.ALERT),
                                    docs -> "ACKED".equals(status(docs)))
                            .get(ALERT_ID);
            assertThat(acked.get("ackedBy").asText()).isEqualTo("danghu-day");
            assertThat(acked.get("ackedAt").asText()).isEqualTo(Times.iso(ackedAt));

            center.produce(
                    Source.POLICE_110,
                    List.of(
                            RawInputs.alarm(
                                    "J-ACK-1", "ARRIVED", Math.max(ackedAt, reportedAt + 1))));
            Map<String, JsonNode> alerts =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "the alert RESOLVED in Elasticsearch",
                            () -> center.documents(DocumentKind.ALERT),
                            docs -> "RESOLVED".equals(status(docs)));
            JsonNode resolved = alerts.get(ALERT_ID);
            assertThat(resolved.get("ackedBy").asText()).isEqualTo("danghu-day");
            assertThat(resolved.get("ackedAt").asText()).isEqualTo(Times.iso(ackedAt));
            assertThat(alerts).doesNotContainKey("sla:110-J-NEVER:TOWN");

            String alertTopic = center.configuration().get(KafkaOptions.ALERTS_TOPIC);
            List<String> statuses =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "the alert's RESOLVED state committed to " + alertTopic,
                            () -> statusesOnTopic(center, alertTopic),
                            seen -> seen.contains("RESOLVED"));
            assertThat(statuses).containsSubsequence("OPEN", "ACKED", "RESOLVED");
        }
    }

    private static String status(Map<String, JsonNode> alerts) {
        JsonNode alert = alerts.get(ALERT_ID);
        return alert == null ? null : alert.path("status").asText();
    }

    private static List<String> statusesOnTopic(LiveCommandCenter center, String topic)
            throws Exception {
        List<String> statuses = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : center.committedRecords(topic)) {
            if (ALERT_ID.equals(record.key())) {
                statuses.add(Json.mapper().readTree(record.value()).get("status").asText());
            }
        }
        return statuses;
    }
}
