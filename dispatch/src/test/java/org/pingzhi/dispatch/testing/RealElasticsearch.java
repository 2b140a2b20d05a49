package org.pingzhi.dispatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pingzhi.devstack.ElasticsearchServer;
import org.pingzhi.devstack.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server for dispatch's tests, started once per test JVM by devstack's
 * launcher from the zip Maven fetched ({@code pingzhi.elasticsearch.zip}), or an existing server
 * given as {@code pingzhi.elasticsearch.url}. The tests talk plain HTTP to it, as the ack server
 * does. Stopped, its data removed, when the run ends.
 */
public final class RealElasticsearch implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(RealElasticsearch.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealElasticsearch.class);

    private static volatile String url;

    @Override
    public void beforeAll(ExtensionContext context) {
        url =
                context.getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
                        .url;
    }

    /** e.g. {@code http://127.0.0.1:39205}. */
    public static String url() {
        if (url == null) {
            throw new IllegalStateException(
                    "add @ExtendWith(RealElasticsearch.class) to the test class");
        }
        return url;
    }

    private static final class Running implements AutoCloseable {
        final String url;
        final ElasticsearchServer server;

        Running(String url, ElasticsearchServer server) {
            this.url = url;
            this.server = server;
        }

        static Running start() {
            String existing = System.getProperty("pingzhi.elasticsearch.url");
            if (existing != null && !existing.isBlank()) {
                return new Running(existing.strip(), null);
            }
            try {
                ElasticsearchServer server =
                        ElasticsearchServer.builder(
                                        Path.of(System.getProperty("pingzhi.elasticsearch.zip")))
                                .runDir(Files.createTempDirectory("pingzhi-es-dispatch-test-"))
                                // several builds share the machine's cores with this one
                                .startTimeout(Duration.ofMinutes(5))
                                .start();
                LOG.info(
                        "Elasticsearch {} started for the tests at {}",
                        server.version(),
                        server.httpUrl());
                return new Running(server.httpUrl(), server);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the Elasticsearch run folder", e);
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
                FileTrees.deleteRecursively(server.runDir());
            }
        }
    }
}
