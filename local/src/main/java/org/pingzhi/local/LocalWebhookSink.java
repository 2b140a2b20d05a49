package org.pingzhi.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The robot of {@code ./pingzhi local}: a webhook on 127.0.0.1 that takes what the dispatch job
 * would send to DingTalk, WeCom or a gateway, prints it and answers as a robot that accepted it.
 * Each request is kept with the instant it arrived, for the alert-latency benchmark.
 */
public final class LocalWebhookSink implements AutoCloseable {

    /** What reached the sink. */
    public record Request(Instant receivedAt, String path, String body) {}

    private static final byte[] ACCEPTED =
            "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final PrintStream out;
    private final Clock clock;

    private LocalWebhookSink(HttpServer server, PrintStream out, Clock clock) {
        this.server = server;
        this.handlers = Executors.newFixedThreadPool(4);
        this.out = out;
        this.clock = clock;
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port); {@code out} null prints nothing. */
    public static LocalWebhookSink start(int port, PrintStream out, Clock clock)
            throws IOException {
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        return new LocalWebhookSink(server, out, clock);
    }

    /** The URL a roster's webhook channel names to reach {@code path} here. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = clock.instant();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Request request = new Request(receivedAt, exchange.getRequestURI().getPath(), body);
        requests.add(request);
        if (out != null) {
            out.println("[robot " + request.path() + " " + receivedAt + "] " + body);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, ACCEPTED.length);
        try (OutputStream response = exchange.getResponseBody()) {
            response.write(ACCEPTED);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
