package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.testing.ContractFiles;

/** The contract's own check: a replay of the samples gives exactly the expected outputs. */
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
                                2,
                                Map.of()));

        List<JsonNode> expected = readLines(samples.resolve("expected-incidents.jsonl"));
        Map<String, JsonNode> actual =
                readLines(out.resolve("incidents.jsonl")).stream()
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
                assertThat(sameValue(actualIncident.get(field), expectedIncident.get(field)))
                        .as(
                                "%s of %s: %s",
                                field, expectedIncident.get("incidentId"), actualIncident)
                        .isTrue();
            }
        }

        assertThat(deadLettersByReason(out.resolve("deadletter.jsonl")))
                .isEqualTo(expectedDeadLetters(samples.resolve("expected-deadletter.json")));
        assertThat(summary.incidents()).isEqualTo(expected.size());
        assertThat(summary.line()).contains("6 dead letters");
    }

    private static boolean sameValue(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return expected.isNull();
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }

    private static Map<String, Long> deadLettersByReason(Path file) throws IOException {
        return readLines(file).stream()
                .collect(
                        Collectors.groupingBy(
                                node -> node.get("reason").asText(),
                                TreeMap::new,
                                Collectors.counting()));
    }

    private static Map<String, Long> expectedDeadLetters(Path file) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        Json.mapper()
                .readTree(file.toFile())
                .properties()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(Json.mapper().readTree(line));
            }
        }
        return nodes;
    }
}
