package org.pingzhi.jobs.sink.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.pingzhi.common.json.Json;

/**
 * A local HTTP proxy in front of the real Elasticsearch server that misbehaves on purpose: the
 * first {@code faultyBulks} bulk requests meet the {@link Fault}, or one bulk request is held back
 * for a while, or every document is refused for a while without reaching the server, or bodies
 * above a size limit are refused (413), or the first bulk request is forwarded only when the test
 * releases it; everything else is forwarded unchanged.
 */
final class FaultyElasticsearchProxy implements AutoCloseable {

    enum Fault {
        /** The whole bulk request is answered 429, as an overloaded cluster does. */
        TOO_MANY_REQUESTS,
        /** The whole bulk request is answered 503. */
        SERVICE_UNAVAILABLE,
        /** The connection is closed without an answer. */
        CLOSE_CONNECTION,
        /** The bulk request is executed, but every second item is reported as 429. */
        ITEMS_TOO_MANY_REQUESTS
    }

    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "host",
                    "connection",
                    "content-length",
                    "expect",
                    "upgrade",
                    "transfer-encoding",
                    "accept-encoding",
                    "keep-alive");

    /** Headers of an answer made up here; the client checks the product header. */
    private static final Map<String, List<String>> ELASTICSEARCH_JSON =
            Map.of(
                    "X-Elastic-Product", List.of("Elasticsearch"),
                    "Content-Type", List.of("application/json"));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient forward =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Fault fault;
    private final int faultyBulks;
    private final int delayedBulk;
    private final Duration delay;
    private final AtomicInteger bulkRequests = new AtomicInteger();
    private final AtomicInteger faultsInjected = new AtomicInteger();

    // set by the factory methods after the server has started, hence volatile

    /** Every document of a bulk request arriving in this window is refused with these errors. */
    private volatile Duration itemFaultWindow = Duration.ZERO;

    private volatile List<ItemError> itemErrors = List.of();
    private volatile long firstBulkNanos;
    private volatile long maxBodyBytes = Long.MAX_VALUE;
    private volatile CountDownLatch firstBulkRelease;
    private final CountDownLatch firstBulkForwarded = new CountDownLatch(1);

    /** A per-document error answer: status and Elasticsearch's error type. */
    record ItemError(int status, String type) {}

    private FaultyElasticsearchProxy(
            String targetUrl, Fault fault, int faultyBulks, int delayedBulk, Duration delay)
            throws IOException {
        this.target = URI.create(targetUrl);
        this.fault = fault;
        this.faultyBulks = faultyBulks;
        this.delayedBulk = delayedBulk;
        this.delay = delay;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Injects {@code fault} into the first {@code faultyBulks} bulk requests. */
    static FaultyElasticsearchProxy start(String targetUrl, Fault fault, int faultyBulks)
            throws IOException {
        return new FaultyElasticsearchProxy(targetUrl, fault, faultyBulks, 0, Duration.ZERO);
    }

    /**
     * Holds the {@code bulkNumber}th bulk request back for {@code delay} before it goes on to the
     * server, so that later requests overtake it unless the writer waits for it.
     */
    static FaultyElasticsearchProxy delaying(String targetUrl, int bulkNumber, Duration delay)
            throws IOException {
        return new FaultyElasticsearchProxy(targetUrl, null, 0, bulkNumber, delay);
    }

    /**
     * Answers every bulk request that arrives within {@code window} of the first one itself, with
     * HTTP 200 and every document refused with one of {@code errors} in turn (nothing reaches the
     * server); later bulk requests are forwarded.
     */
    static FaultyElasticsearchProxy refusingEveryDocumentFor(
            String targetUrl, Duration window, ItemError... errors) throws IOException {
        FaultyElasticsearchProxy proxy = start(targetUrl, null, 0);
        proxy.itemFaultWindow = window;
        proxy.itemErrors = List.of(errors);
        return proxy;
    }

    /** Answers bulk requests with a body above {@code maxBodyBytes} 413, as nginx does. */
    static FaultyElasticsearchProxy limitingBodiesTo(String targetUrl, long maxBodyBytes)
            throws IOException {
        FaultyElasticsearchProxy proxy = start(targetUrl, null, 0);
        proxy.maxBodyBytes = maxBodyBytes;
        return proxy;
    }

    /**
     * Holds the first bulk request back until {@link #releaseFirstBulk()}, then forwards it: a
     * request the client has given up on that the server applies later.
     */
    static FaultyElasticsearchProxy holdingFirstBulkUntilReleased(String targetUrl)
            throws IOException {
        FaultyElasticsearchProxy proxy = start(targetUrl, null, 0);
        proxy.firstBulkRelease = new CountDownLatch(1);
        return proxy;
    }

    void releaseFirstBulk() {
        firstBulkRelease.countDown();
    }

    /** Whether the held first bulk request has reached the server and been answered. */
    boolean firstBulkForwarded() {
        return firstBulkForwarded.getCount() == 0;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int bulkRequests() {
        return bulkRequests.get();
    }

    int faultsInjected() {
        return faultsInjected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
            int bulkNumber = bulk ? bulkRequests.incrementAndGet() : 0;
            boolean faulty = bulk && bulkNumber <= faultyBulks;
            if (bulk && bulkNumber == delayedBulk) {
                Thread.sleep(delay.toMillis());
            }
            if (bulkNumber == 1) {
                firstBulkNanos = System.nanoTime();
            }
            if (bulk && System.nanoTime() - firstBulkNanos < itemFaultWindow.toNanos()) {
                respond(exchange, 200, ELASTICSEARCH_JSON, refuseEveryDocument(body));
                return;
            }
            if (bulk && body.length > maxBodyBytes) {
                faultsInjected.incrementAndGet();
                respond(
                        exchange,
                        413,
                        Map.of("Content-Type", List.of("text/html")),
                        "<html><body><h1>413 Request Entity Too Large</h1></body></html>"
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (bulkNumber == 1 && firstBulkRelease != null) {
                firstBulkRelease.await();
                try {
                    forward(exchange, body);
                } finally {
                    firstBulkForwarded.countDown();
                }
                return; // the client gave up on this request long ago
            }
            if (faulty && fault != Fault.ITEMS_TOO_MANY_REQUESTS) {
                faultsInjected.incrementAndGet();
                if (fault == Fault.CLOSE_CONNECTION) {
                    return; // closing the exchange before any answer drops the connection
                }
                int status = fault == Fault.TOO_MANY_REQUESTS ? 429 : 503;
                respond(exchange, status, ELASTICSEARCH_JSON, errorBody(status));
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            byte[] answerBody = answer.body();
            if (faulty) {
                answerBody = failEverySecondItem(answerBody);
            }
            respond(exchange, answer.statusCode(), answer.headers().map(), answerBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                        .method(
                                exchange.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) -> {
                            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                                values.forEach(value -> request.header(name, value));
                            }
                        });
        return forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Marks every second item as rejected with 429. */
    private byte[] failEverySecondItem(byte[] bulkResponse) throws IOException {
        ObjectNode response = (ObjectNode) Json.mapper().readTree(bulkResponse);
        ArrayNode items = (ArrayNode) response.get("items");
        for (int i = 0; i < items.size(); i++) {
            ObjectNode result = (ObjectNode) items.get(i).elements().next();
            if (i % 2 == 1) {
                faultsInjected.incrementAndGet();
                result.put("status", 429);
                result.remove(List.of("result", "_version", "_seq_no", "_primary_term", "_shards"));
                result.set("error", error(429));
                response.put("errors", true);
            }
        }
        return Json.toBytes(response);
    }

    /** A bulk response that refuses every operation of the request body. */
    private byte[] refuseEveryDocument(byte[] bulkBody) throws IOException {
        ObjectNode response = Json.mapper().createObjectNode();
        response.put("took", 1);
        response.put("errors", true);
        ArrayNode items = response.putArray("items");
        String[] lines = new String(bulkBody, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode action = Json.mapper().readTree(lines[i]);
            String operation = action.fieldNames().next();
            if (!operation.equals("delete")) {
                i++; // the document's source
            }
            ItemError itemError =
                    itemErrors.get(faultsInjected.getAndIncrement() % itemErrors.size());
            ObjectNode result = items.addObject().putObject(operation);
            result.put("_index", action.get(operation).path("_index").asText());
            result.put("_id", action.get(operation).path("_id").asText());
            result.put("status", itemError.status());
            ObjectNode error = result.putObject("error");
            error.put("type", itemError.type());
            error.put("reason", "injected by the test proxy");
        }
        return Json.toBytes(response);
    }

    private static byte[] errorBody(int status) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("error", error(status));
        body.put("status", status);
        return Json.toBytes(body);
    }

    private static JsonNode error(int status) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("type", status == 429 ? "es_rejected_execution_exception" : "unavailable");
        error.put("reason", "injected by the test proxy");
        return error;
    }

    private static void respond(
            HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach(
                (name, values) -> {
                    if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
