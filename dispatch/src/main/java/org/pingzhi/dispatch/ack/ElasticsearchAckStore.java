package org.pingzhi.dispatch.ack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.AlertAcknowledgement;

/**
 * Acknowledgements in the Elasticsearch index {@code pingzhi-acks}, written with {@code _create}
 * under {@link Acknowledgement#documentId()}: a replayed acknowledgement is answered 409 and leaves
 * the first one as it was. Once the first one is published, {@code publishedAt} is added to its
 * document; a replay finding it missing publishes the first one (a publication that failed is
 * completed). Plain HTTP through the JDK client: four requests need no client library.
 */
public final class ElasticsearchAckStore implements AckStore {

    public static final String INDEX = "pingzhi-acks";

    private static final String PUBLISHED_AT = "publishedAt";

    private static final String PUBLISHED_AT_MAPPING =
            "\"" + PUBLISHED_AT + "\":{\"type\":\"date\"}";

    private static final String MAPPINGS =
            "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                    + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                    + "\"alertId\":{\"type\":\"keyword\"},\"who\":{\"type\":\"keyword\"},"
                    + "\"at\":{\"type\":\"date\"},"
                    + PUBLISHED_AT_MAPPING
                    + "}}}";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final String base;
    private final Optional<String> apiKey;
    private final Clock clock;

    /**
     * @param elasticsearch e.g. {@code http://127.0.0.1:9200}
     * @param apiKey an Elasticsearch API key (the encoded form), if the cluster needs one
     */
    public ElasticsearchAckStore(
            HttpClient client, URI elasticsearch, Optional<String> apiKey, Clock clock) {
        this.client = client;
        this.clock = clock;
        String text = elasticsearch.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.apiKey = apiKey;
    }

    /**
     * Creates the index with its mapping unless it exists. Its one replica-less shard suits a
     * single node; raise {@code number_of_replicas} in production.
     */
    public void createIndexIfMissing() throws IOException {
        HttpResponse<String> response = send(request("/" + INDEX).PUT(body(MAPPINGS)));
        boolean created = response.statusCode() == 200;
        boolean existed =
                response.statusCode() == 400
                        && response.body().contains("resource_already_exists_exception");
        if (!created && !existed) {
            throw refused("create " + INDEX, response);
        }
        // an index made before publishedAt existed takes it now (a mapping only grows)
        HttpResponse<String> mapping =
                send(
                        request("/" + INDEX + "/_mapping")
                                .PUT(body("{\"properties\":{" + PUBLISHED_AT_MAPPING + "}}")));
        if (mapping.statusCode() != 200) {
            throw refused("map " + PUBLISHED_AT + " in " + INDEX, mapping);
        }
    }

    @Override
    public Recorded record(Acknowledgement ack) throws IOException {
        HttpResponse<String> response =
                send(request(path("_create", ack)).PUT(body(ack.message().json())));
        if (response.statusCode() == 201) {
            return new Recorded(ack, Written.RECORDED, false);
        }
        if (response.statusCode() != 409) {
            throw refused("take the acknowledgement", response);
        }
        HttpResponse<String> found = send(request(path("_doc", ack)).GET());
        if (found.statusCode() != 200) {
            throw refused("read the first acknowledgement", found);
        }
        JsonNode source = Json.mapper().readTree(found.body()).path("_source");
        AlertAcknowledgement first = AlertAcknowledgement.parse(source.toString());
        return new Recorded(
                new Acknowledgement(first.alertId(), first.who(), Instant.ofEpochMilli(first.at())),
                Written.ALREADY_RECORDED,
                source.hasNonNull(PUBLISHED_AT));
    }

    @Override
    public void markPublished(Acknowledgement standing) throws IOException {
        String update =
                Json.toString(Map.of("doc", Map.of(PUBLISHED_AT, Times.iso(clock.millis()))));
        HttpResponse<String> response = send(request(path("_update", standing)).POST(body(update)));
        if (response.statusCode() != 200) {
            throw refused("note the publication", response);
        }
    }

    private static String path(String endpoint, Acknowledgement ack) {
        return "/"
                + INDEX
                + "/"
                + endpoint
                + "/"
                + URLEncoder.encode(ack.documentId(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static IOException refused(String what, HttpResponse<String> response) {
        return new IOException(
                "Elasticsearch did not "
                        + what
                        + ": HTTP "
                        + response.statusCode()
                        + " "
                        + response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json");
        apiKey.ifPresent(key -> request.header("Authorization", "ApiKey " + key));
        return request;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(
                    request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            // a refused connection's exception has no message of its own
            throw new IOException(
                    "Elasticsearch at "
                            + base
                            + " did not answer ("
                            + e.getClass().getSimpleName()
                            + ")",
                    e);
        }
    }
}
