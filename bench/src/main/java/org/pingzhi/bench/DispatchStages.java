package org.pingzhi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingzhi.common.json.Json;

/**
 * Where the dispatch job spends the time from an escalation's emission to its page, read from the
 * delivery ledger the job writes ({@code pingzhi-notifications}): each TOWN escalation's first try
 * has {@code routedAt} (the dispatch function handed it over) and {@code attemptedAt} (the ledger
 * claimed it and the Outbox let it go), its first HTTP attempt {@code attemptedAt} (the request
 * started, once the try was booked SENDING).
 */
final class DispatchStages {

    /** The stages in their order, each the latencies of its samples. */
    record Result(Map<String, LatencySummary> stages) {}

    /** When one escalation passed each mark of the dispatch job, epoch milliseconds. */
    record Marks(long routed, long claimed, long requested) {}

    private DispatchStages() {}

    /**
     * The stages of every incident with all its marks: emission → hand-over → claim → HTTP request
     * → the robot's arrival.
     */
    static Result of(
            Map<String, Long> emittedAt, Map<String, Marks> marks, Map<String, Long> requestedAt) {
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        marks.forEach(
                (incident, m) -> {
                    Long emitted = emittedAt.get(incident);
                    Long received = requestedAt.get(incident);
                    if (emitted == null || received == null) {
                        return;
                    }
                    add(stages, "emission -> dispatch hand-over", m.routed() - emitted);
                    add(stages, "hand-over -> claimed", m.claimed() - m.routed());
                    add(stages, "claimed -> HTTP request", m.requested() - m.claimed());
                    add(stages, "HTTP request -> robot", received - m.requested());
                });
        Map<String, LatencySummary> summaries = new LinkedHashMap<>();
        stages.forEach((stage, millis) -> summaries.put(stage, LatencySummary.of(millis)));
        return new Result(summaries);
    }

    private static void add(Map<String, List<Long>> stages, String stage, long millis) {
        stages.computeIfAbsent(stage, s -> new ArrayList<>()).add(millis);
    }

    /** The marks of each TOWN escalation's first try in the ledger at {@code elasticsearch}. */
    static Map<String, Marks> read(String elasticsearch, String index)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        post(client, elasticsearch + "/" + index + "/_refresh", "");
        // match: exact on the template's keywords, and on an older index left to dynamic mapping
        String query =
                "{\"size\": 10000, \"_source\": [\"alertId\", \"alertStatus\", \"outcome\","
                        + " \"routedAt\", \"attemptedAt\", \"httpAttempt\"], \"query\": {\"bool\":"
                        + " {\"filter\": [{\"match\": {\"alertStatus\": \"OPEN\"}}, {\"term\":"
                        + " {\"attempt\": 1}}]}}}";
        JsonNode hits =
                Json.mapper()
                        .readTree(post(client, elasticsearch + "/" + index + "/_search", query))
                        .path("hits")
                        .path("hits");
        Map<String, long[]> byIncident = new HashMap<>();
        for (JsonNode hit : hits) {
            JsonNode source = hit.path("_source");
            String incident =
                    AlertLatencyRun.townEscalationIncident(source.path("alertId").asText(""));
            if (incident == null || !"OPEN".equals(source.path("alertStatus").asText())) {
                continue;
            }
            long[] m = byIncident.computeIfAbsent(incident, i -> new long[3]);
            long attemptedAt = millis(source.path("attemptedAt"));
            if ("HTTP_ATTEMPT".equals(source.path("outcome").asText())) {
                if (source.path("httpAttempt").asInt() == 1) {
                    m[2] = attemptedAt;
                }
            } else {
                m[0] = millis(source.path("routedAt"));
                m[1] = attemptedAt;
            }
        }
        Map<String, Marks> marks = new HashMap<>();
        byIncident.forEach(
                (incident, m) -> {
                    if (m[0] > 0 && m[1] > 0 && m[2] > 0) {
                        marks.put(incident, new Marks(m[0], m[1], m[2]));
                    }
                });
        return marks;
    }

    private static long millis(JsonNode time) {
        return time.isTextual() ? Instant.parse(time.asText()).toEpochMilli() : 0;
    }

    private static String post(HttpClient client, String url, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(
                    url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
