package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.testing.ContractFiles;
import org.pingzhi.jobs.testing.ContractSamples;

/**
 * The contract's own check: a replay of the samples gives exactly the expected outputs, and metric
 * documents that add up to them.
 */
class ReplaySamplesTest {

    @TempDir Path out;

    @Test
    void replayOfTheContractSamplesGivesTheExpectedIncidentsAndDeadLetters() throws Exception {
        Path samples = ContractFiles.samples();

        ReplaySummary summary =
                ReplayJob.run(
                        new ReplayArguments(
                                samples.resolve("hotline-12345.jsonl"),
                                samples.resolve("police-110.jsonl"),
                                out,
                                null,
                                null,
                                2,
                                Map.of()));

        List<JsonNode> expected = ContractSamples.expectedIncidents();
        assertIncidentsAsExpected(expected);
        assertThat(deadLettersByReason(out.resolve("deadletter.jsonl")))
                .isEqualTo(ContractSamples.expectedDeadLetters());
        assertThat(summary.incidents()).isEqualTo(expected.size());
        assertThat(summary.line()).contains("6 dead letters");
        assertThat(metricTotals(out.resolve("metrics.jsonl")))
                .isEqualTo(ContractSamples.expectedMetricTotals());
    }

    /**
     * Impossible event times (2100, Long.MAX_VALUE, seconds for milliseconds) on sample incidents,
     * and a line of over 300,000 bytes, change nothing but the dead letters: the horizon stays
     * where the samples put it, so the sample that is PENDING is still pending.
     */
    @Test
    void impossibleTimesAndAnOverlongLineAreDeadLetteredAndChangeNoIncident() throws Exception {
        Path samples = ContractFiles.samples();
        Path hotline = out.resolve("in/hotline-12345.jsonl");
        Path police = out.resolve("in/police-110.jsonl");
        Files.createDirectories(hotline.getParent());
        String overlong = "{\"orderId\": \"" + "X".repeat(300_000) + "\"}";
        Files.writeString(
                hotline,
                Files.readString(samples.resolve("hotline-12345.jsonl"))
                        + "{\"orderId\": \"PH2026112800112\", \"action\": \"ARRIVE\","
                        + " \"actionTime\": \"2100-01-01T08:00:00+08:00\", \"town\": \"独山港镇\"}\n"
                        + overlong
                        + "\r\n");
        Files.writeString(
                police,
                Files.readString(samples.resolve("police-110.jsonl"))
                        + "{\"alarmId\": \"J330482202611280001\", \"status\": \"CANCELLED\","
                        + " \"statusTime\": 9223372036854775807, \"station\": \"当湖派出所\"}\n"
                        + "{\"alarmId\": \"J330482202611290001\", \"status\": \"RECEIVED\","
                        + " \"statusTime\": 1795831200, \"station\": \"当湖派出所\"}\n");

        ReplaySummary summary =
                ReplayJob.run(new ReplayArguments(hotline, police, out, null, null, 2, Map.of()));

        List<JsonNode> expected = ContractSamples.expectedIncidents();
        assertIncidentsAsExpected(expected);
        Map<String, Long> deadLetters = new TreeMap<>(ContractSamples.expectedDeadLetters());
        deadLetters.merge("BAD_TIMESTAMP", 3L, Long::sum);
        deadLetters.merge("TOO_LARGE", 1L, Long::sum);
        assertThat(deadLettersByReason(out.resolve("deadletter.jsonl"))).isEqualTo(deadLetters);
        JsonNode overlongLetter =
                ContractSamples.jsonLines(out.resolve("deadletter.jsonl")).stream()
                        .filter(
                                letter ->
                                        letter.path("originalBytes").asLong() == overlong.length())
                        .findFirst()
                        .orElseThrow();
        assertThat(overlongLetter.get("value").asText()).hasSize(65_536);
        assertThat(overlongLetter.get("sha256").asText())
                .isEqualTo(
                        HexFormat.of()
                                .formatHex(
                                        MessageDigest.getInstance("SHA-256")
                                                .digest(
                                                        overlong.getBytes(
                                                                StandardCharsets.UTF_8))));
        assertThat(summary.incidents()).isEqualTo(expected.size());
    }

    private void assertIncidentsAsExpected(List<JsonNode> expected) throws IOException {
        Map<String, JsonNode> actual =
                ContractSamples.jsonLines(out.resolve("incidents.jsonl")).stream()
                        .collect(
                                Collectors.toMap(
                                        node -> node.get("incidentId").asText(),
                                        Function.identity()));
        assertThat(actual.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(node -> node.get("incidentId").asText()).toList());
        for (JsonNode expectedIncident : expected) {
            JsonNode actualIncident = actual.get(expectedIncident.get("incidentId").asText());
            for (Iterator<String> fields = expectedIncident.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                assertThat(
                                ContractSamples.sameValue(
                                        actualIncident.get(field), expectedIncident.get(field)))
                        .as(
                                "%s of %s: %s",
                                field, expectedIncident.get("incidentId"), actualIncident)
                        .isTrue();
            }
        }
    }

    private static ContractSamples.MetricTotals metricTotals(Path file) throws IOException {
        List<JsonNode> metrics = ContractSamples.jsonLines(file);
        return new ContractSamples.MetricTotals(
                sum(metrics, "reported"),
                sum(metrics, "slaMet"),
                sum(metrics, "slaBreached"),
                sum(metrics, "responded"),
                Math.round(
                        metrics.stream()
                                        .mapToDouble(
                                                metric ->
                                                        metric.get("responseSecondsSum").asDouble())
                                        .sum()
                                * 1000));
    }

    private static long sum(List<JsonNode> metrics, String field) {
        return metrics.stream().mapToLong(metric -> metric.get(field).asLong()).sum();
    }

    private static Map<String, Long> deadLettersByReason(Path file) throws IOException {
        return ContractSamples.jsonLines(file).stream()
                .collect(
                        Collectors.groupingBy(
                                node -> node.get("reason").asText(),
                                TreeMap::new,
                                Collectors.counting()));
    }
}
