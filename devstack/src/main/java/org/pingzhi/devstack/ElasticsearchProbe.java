package org.pingzhi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import org.pingzhi.common.json.Json;

/**
 * Plain HTTP questions to an Elasticsearch server, for readiness and version checks: the Java
 * client cannot ask them here ({@code GET /} answers 405 and {@code nodes().info()} fails to decode
 * on the integ-test distribution).
 */
public final class ElasticsearchProbe {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String base;
    private final HttpClient http;

    public ElasticsearchProbe(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    /**
     * Whether the cluster is at least yellow, waiting up to one second on the server side; false
     * also while the server does not answer at all yet.
     */
    public boolean isYellowOrGreen() throws InterruptedException {
        try {
            HttpResponse<String> response =
                    get("/_cluster/health?wait_for_status=yellow&timeout=1s");
            return response.statusCode() == 200
                    && !"red"
                            .equals(
                                    Json.mapper()
                                            .readTree(response.body())
                                            .path("status")
                                            .asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The version the (first) node reports, e.g. "9.5.3". */
    public String nodeVersion() throws InterruptedException {
        try {
            HttpResponse<String> response = get("/_nodes/_local?filter_path=nodes.*.version");
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET _nodes answered " + response.statusCode() + ": " + response.body());
            }
            Iterator<JsonNode> nodes =
                    Json.mapper().readTree(response.body()).path("nodes").elements();
            if (!nodes.hasNext()) {
                throw new IllegalStateException("GET _nodes listed no node: " + response.body());
            }
            return nodes.next().path("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot ask " + base + " for its version", e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(REQUEST_TIMEOUT)
                        .GET()
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
