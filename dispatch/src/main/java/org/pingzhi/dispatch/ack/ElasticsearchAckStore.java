package org.pingzhi.dispatch.ack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;

/**
 * Acknowledgements in the Elasticsearch index {@code pingzhi-acks}, written with {@code _create}
 * under {@link Acknowledgement#documentId()}: a replayed acknowledgement is answered 409 and leaves
 * the first one as it was. Plain HTTP through the JDK client: two requests need no client library.
 */
public final class ElasticsearchAckStore implements AckStore {

    public static final String INDEX = "pingzhi-acks";

    private static final String MAPPINGS =
            "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                    + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                    + "\"alertId\":{\"type\":\"keyword\"},\"who\":{\"type\":\"keyword\"},"
                    + "\"at\":{\"type\":\"date\"}}}}";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final String base;
    private final Optional<String> apiKey;

    /**
     * @param elasticsearch e.g. {@code http://127.0.0.1:9200}
     * @param apiKey an Elasticsearch API key (the encoded form), if the cluster needs one
     */
    public ElasticsearchAckStore(HttpClient client, URI elasticsearch, Optional<String> apiKey) {
        this.client = client;
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
            throw new IOException(
                    "Elasticsearch refused to create "
                            + INDEX
                            + ": HTTP "
                            + response.statusCode()
                            + " "
                            + response.body());
        }
    }

    @Override
    public Written record(Acknowledgement ack) throws IOException {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("alertId", ack.alertId());
        document.put("who", ack.who());
        document.put("at", Times.iso(ack.at().toEpochMilli()));
        String path =
                "/"
                        + INDEX
                        + "/_create/"
                        + URLEncoder.encode(ack.documentId(), StandardCharsets.UTF_8)
                                .replace("+", "%20");
        HttpResponse<String> response = send(request(path).PUT(body(Json.toString(document))));
        if (response.statusCode() == 201) {
            return Written.RECORDED;
        }
        if (response.statusCode() == 409) {
            return Written.ALREADY_RECORDED;
        }
        throw new IOException(
                "Elasticsearch did not take the acknowledgement: HTTP " + response.statusCode());
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
