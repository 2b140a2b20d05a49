package org.pingzhi.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.testing.ContractFiles;

/** The contract's sample inputs and expected outputs, and how the tests compare against them. */
public final class ContractSamples {

    private ContractSamples() {}

    /** The non-blank lines of a sample input file, as a topic would carry them. */
    public static List<byte[]> inputLines(String file) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String line :
                Files.readAllLines(ContractFiles.samples().resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** {@code expected-incidents.jsonl}: per incident, the fields its final state must have. */
    public static List<JsonNode> expectedIncidents() throws IOException {
        return jsonLines(ContractFiles.samples().resolve("expected-incidents.jsonl"));
    }

    /**
     * What the metric documents of a run add up to: {@code reported}, {@code slaMet}, {@code
     * slaBreached}, {@code responded}, and the response seconds summed, in milliseconds.
     */
    public record MetricTotals(
            long reported, long slaMet, long slaBreached, long responded, long responseMillisSum) {}

    /**
     * What the samples' metric documents must add up to, as {@code expected-incidents.jsonl} says.
     */
    public static MetricTotals expectedMetricTotals() throws IOException {
        List<JsonNode> incidents = expectedIncidents();
        long met = 0;
        long breached = 0;
        long responded = 0;
        double responseSeconds = 0;
        for (JsonNode incident : incidents) {
            String slaStatus = incident.get("slaStatus").asText();
            met += slaStatus.equals("MET") ? 1 : 0;
            breached += slaStatus.equals("BREACHED") ? 1 : 0;
            if (!incident.get("responseSeconds").isNull()) {
                responded++;
                responseSeconds += incident.get("responseSeconds").asDouble();
            }
        }
        return new MetricTotals(
                incidents.size(), met, breached, responded, Math.round(responseSeconds * 1000));
    }

    /** {@code expected-deadletter.json}: dead letters by reason. */
    public static Map<String, Long> expectedDeadLetters() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        Json.mapper()
                .readTree(ContractFiles.sample("expected-deadletter.json"))
                .properties()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    /** The JSON objects of a JSONL file. */
    public static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(Json.mapper().readTree(line));
            }
        }
        return nodes;
    }

    /** Field equality as the contract means it: numbers by value (420 equals 420.0). */
    public static boolean sameValue(JsonNode actual, JsonNode expected) {
        if (actual == null) {
            return expected.isNull();
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
