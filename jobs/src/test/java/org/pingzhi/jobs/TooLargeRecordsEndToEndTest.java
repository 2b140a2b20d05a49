package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
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

/**
 * Records under Kafka's 1 MB limit whose whole dead letter would be over it (control bytes escaped
 * six-fold, invalid UTF-8 in base64) are dead-lettered as TOO_LARGE with only their first 64 KiB,
 * and the job never fails: it runs without a restart strategy, so a single failure would end it.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class TooLargeRecordsEndToEndTest {

    private static final int KEPT_BYTES = 65_536;

    @Test
    void deadLettersOversizedMalformedRecordsWithoutARestart() throws Exception {
        byte[] controlBytes = filled(200_000, (byte) 0x01);
        byte[] invalidUtf8 = filled(800_000, (byte) 0xFF);
        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration(
                                "e2e-too-large", Map.of("restart-strategy.type", "none")),
                        CommandCenterJob::wire)) {
            center.produce(Source.HOTLINE_12345, List.of(controlBytes, invalidUtf8));

            String deadLetterTopic = center.configuration().get(KafkaOptions.DEAD_LETTER_TOPIC);
            List<ConsumerRecord<String, String>> committed =
                    Poll.until(
                            Duration.ofSeconds(90),
                            "two dead letters committed to "
                                    + deadLetterTopic
                                    + " while the job runs",
                            () -> {
                                assertThat(center.job().getJobStatus().get())
                                        .isEqualTo(JobStatus.RUNNING);
                                return center.committedRecords(deadLetterTopic);
                            },
                            records -> records.size() >= 2);
            assertThat(committed).hasSize(2);
            JsonNode controlLetter = Json.mapper().readTree(committed.get(0).value());
            JsonNode invalidLetter = Json.mapper().readTree(committed.get(1).value());
            assertTooLarge(controlLetter, controlBytes);
            assertThat(controlLetter.get("value").asText()).isEqualTo("\u0001".repeat(KEPT_BYTES));
            assertTooLarge(invalidLetter, invalidUtf8);
            assertThat(invalidLetter.get("valueBase64").binaryValue())
                    .isEqualTo(Arrays.copyOf(invalidUtf8, KEPT_BYTES));

            Map<String, JsonNode> indexed =
                    Poll.until(
                            Duration.ofSeconds(60),
                            "both dead letters in Elasticsearch",
                            () -> center.documents(DocumentKind.DEAD_LETTER),
                            docs -> docs.size() == 2);
            assertThat(indexed.values())
                    .extracting(doc -> doc.get("reason").asText())
                    .containsOnly("TOO_LARGE");
            assertThat(indexed.values())
                    .extracting(doc -> doc.get("originalBytes").asLong())
                    .containsExactlyInAnyOrder(200_000L, 800_000L);
            assertThat(indexed.values())
                    .extracting(doc -> doc.get("sha256").asText())
                    .containsExactlyInAnyOrder(sha256(controlBytes), sha256(invalidUtf8));
            assertThat(center.job().getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        }
    }

    private static void assertTooLarge(JsonNode deadLetter, byte[] record) throws Exception {
        assertThat(deadLetter.get("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(deadLetter.get("originalBytes").asLong()).isEqualTo(record.length);
        assertThat(deadLetter.get("sha256").asText()).isEqualTo(sha256(record));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
