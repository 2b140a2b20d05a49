package org.pingzhi.dispatch.ack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgement server: {@code GET /ack?…} checks the link and shows a confirmation button,
 * whose {@code POST} records the acknowledgement and publishes the first one per alert and person
 * ({@link AckPublisher}); the page says it is done only once both are. A GET never records, because
 * chat apps fetch links to preview them; a bad or expired link gets a 403 page saying why; a store
 * or broker that cannot take it now gets a 503 page asking to try again, and that try completes
 * what the failed one left undone.
 */
public final class AckServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AckServer.class);
    private static final int HANDLER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService threads;
    private final AckSignature signature;
    private final AckStore store;
    private final AckPublisher publisher;
    private final Clock clock;

    private AckServer(
            HttpServer server,
            AckSignature signature,
            AckStore store,
            AckPublisher publisher,
            Clock clock) {
        this.server = server;
        this.signature = signature;
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.threads = Executors.newFixedThreadPool(HANDLER_THREADS);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /** A running server on {@code address} (port 0: any free port). */
    public static AckServer start(
            InetSocketAddress address,
            AckSignature signature,
            AckStore store,
            AckPublisher publisher,
            Clock clock)
            throws IOException {
        AckServer ack =
                new AckServer(HttpServer.create(address, 0), signature, store, publisher, clock);
        ack.server.start();
        return ack;
    }

    /** e.g. {@code http://127.0.0.1:8470}. */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"/ack".equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, AckPages.page("找不到页面", "此地址没有内容。"));
                return;
            }
            String method = exchange.getRequestMethod();
            boolean post = "POST".equals(method);
            if (!post && !"GET".equals(method)) {
                exchange.getResponseHeaders().add("Allow", "GET, POST");
                respond(exchange, 405, AckPages.page("不支持的请求", "请通过告警消息中的链接确认。"));
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            AckCheck check = signature.check(query, clock.instant());
            if (check instanceof AckCheck.Refused refused) {
                respond(exchange, 403, AckPages.refused(refused.reason()));
                return;
            }
            AckCheck.Accepted accepted = (AckCheck.Accepted) check;
            if (!post) {
                respond(exchange, 200, AckPages.confirm(accepted, "/ack?" + query));
                return;
            }
            record(exchange, accepted);
        } finally {
            exchange.close();
        }
    }

    private void record(HttpExchange exchange, AckCheck.Accepted accepted) throws IOException {
        AckStore.Recorded recorded;
        try {
            recorded =
                    store.record(
                            new Acknowledgement(
                                    accepted.alertId(), accepted.who(), clock.instant()));
            if (!recorded.published()) {
                publisher.publish(recorded.standing());
                markPublished(recorded.standing());
            }
        } catch (IOException e) {
            LOG.warn(
                    "Cannot record the acknowledgement of {}: {}",
                    accepted.alertId(),
                    e.getMessage());
            respond(exchange, 503, AckPages.page("暂时无法确认", "确认未能记录,请稍后再点一次。"));
            return;
        }
        // the try that published it is the one that acknowledged, even if it completed a failed one
        AckStore.Written written =
                recorded.published()
                        ? AckStore.Written.ALREADY_RECORDED
                        : AckStore.Written.RECORDED;
        LOG.info("{} acknowledged by {} ({})", accepted.alertId(), accepted.who(), written);
        respond(exchange, 200, AckPages.recorded(accepted, written));
    }

    /** A failure here costs at most one more identical record, if the person clicks again. */
    private void markPublished(Acknowledgement standing) {
        try {
            store.markPublished(standing);
        } catch (IOException e) {
            LOG.warn(
                    "Published the acknowledgement of {} but cannot note it: {}",
                    standing.alertId(),
                    e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "text/html; charset=utf-8");
        headers.add("Cache-Control", "no-store");
        // the link's signature must not leak to another site
        headers.add("Referrer-Policy", "no-referrer");
        headers.add("X-Frame-Options", "DENY");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
        publisher.close();
    }
}
