package org.pingzhi.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
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

        List<JsonNode> expected = ContractSamples.expectedIncidents();
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

        assertThat(deadLettersByReason(out.resolve("deadletter.jsonl")))
                .isEqualTo(ContractSamples.expectedDeadLetters());
        assertThat(summary.incidents()).isEqualTo(expected.size());
        assertThat(summary.line()).contains("6 dead letters");
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
