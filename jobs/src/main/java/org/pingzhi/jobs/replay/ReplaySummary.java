package org.pingzhi.jobs.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.DocumentKind;

/**
 * The one-line account of a replay, read back from its output files.
 *
 * @param recordsRead non-blank input lines
 * @param incidents incidents in {@code incidents.jsonl}
 * @param bySlaStatus incidents per SLA status (MET, BREACHED, VOID, PENDING)
 * @param deadLetters lines in {@code deadletter.jsonl}
 */
public record ReplaySummary(
        long recordsRead, long incidents, Map<String, Long> bySlaStatus, long deadLetters) {

    public static ReplaySummary read(Path outputDirectory, long recordsRead) throws IOException {
        Map<String, Long> bySlaStatus = new TreeMap<>();
        for (String status : new String[] {"MET", "BREACHED", "VOID", "PENDING"}) {
            bySlaStatus.put(status, 0L);
        }
        long incidents = 0;
        try (Stream<String> lines =
                Files.lines(ReplayFilesSink.fileOf(outputDirectory, DocumentKind.INCIDENT))) {
            for (String line : (Iterable<String>) lines::iterator) {
                incidents++;
                bySlaStatus.merge(slaStatusOf(line), 1L, Long::sum);
            }
        }
        long deadLetters;
        try (Stream<String> lines =
                Files.lines(ReplayFilesSink.fileOf(outputDirectory, DocumentKind.DEAD_LETTER))) {
            deadLetters = lines.count();
        }
        return new ReplaySummary(recordsRead, incidents, bySlaStatus, deadLetters);
    }

    /** The document's top-level {@code slaStatus}, read without building its tree. */
    private static String slaStatusOf(String incidentJson) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(incidentJson)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("slaStatus")) {
                    return value == JsonToken.VALUE_NULL ? "UNKNOWN" : parser.getText();
                }
                parser.skipChildren();
            }
            return "UNKNOWN";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * E.g. {@code 35 records read, 9 incidents (MET 4, BREACHED 3, VOID 1, PENDING 1), 6 dead
     * letters}.
     */
    public String line() {
        return String.format(
                "%d records read, %d incidents (MET %d, BREACHED %d, VOID %d, PENDING %d), %d dead"
                        + " letters",
                recordsRead,
                incidents,
                bySlaStatus.getOrDefault("MET", 0L),
                bySlaStatus.getOrDefault("BREACHED", 0L),
                bySlaStatus.getOrDefault("VOID", 0L),
                bySlaStatus.getOrDefault("PENDING", 0L),
                deadLetters);
    }
}
