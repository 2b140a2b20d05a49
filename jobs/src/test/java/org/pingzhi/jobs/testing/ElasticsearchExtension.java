package org.pingzhi.jobs.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.pingzhi.common.json.Json;
import org.pingzhi.devstack.ElasticsearchProbe;
import org.pingzhi.devstack.ElasticsearchServer;
import org.pingzhi.devstack.FileTrees;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server for tests: started once per test JVM from the distribution zip the
 * build fetched (system property {@value #ZIP_PROPERTY}), or an existing server when {@value
 * #URL_PROPERTY} is set. Stopped and its data removed when the run ends; its log is kept when a
 * test using it failed.
 *
 * <pre>{@code
 * @ExtendWith(ElasticsearchExtension.class)
 * class MyTest { ... ElasticsearchExtension.client() ... }
 * }</pre>
 */
public final class ElasticsearchExtension
        implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final String ZIP_PROPERTY = "pingzhi.elasticsearch.zip";
    public static final String URL_PROPERTY = "pingzhi.elasticsearch.url";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchExtension.class);

    private static volatile Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = JvmWide.get(context, Shared.class, Shared::start);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        noteFailure(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        noteFailure(context);
    }

    /** e.g. {@code http://127.0.0.1:39205}. */
    public static String httpUrl() {
        return running().url;
    }

    /** A client for the server, shared by all tests (do not close it). */
    public static ElasticsearchClient client() {
        return running().client;
    }

    /**
     * Deletes the indices matching {@code pattern} (e.g. {@code pingzhi-*}), for test isolation.
     * Wildcards are resolved here because the server refuses wildcard deletes by default.
     */
    public static void deleteIndices(String pattern) {
        ElasticsearchClient client = client();
        try {
            List<String> names =
                    List.copyOf(
                            client.indices()
                                    .get(
                                            get ->
                                                    get.index(pattern)
                                                            .ignoreUnavailable(true)
                                                            .allowNoIndices(true))
                                    .indices()
                                    .keySet());
            if (!names.isEmpty()) {
                client.indices().delete(delete -> delete.index(names));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete indices " + pattern, e);
        }
    }

    private static Shared running() {
        return JvmWide.started(shared, ElasticsearchExtension.class);
    }

    private static void noteFailure(ExtensionContext context) {
        Optional<Throwable> failure =
                context.getExecutionException().filter(e -> !(e instanceof TestAbortedException));
        Shared current = shared;
        if (failure.isPresent() && current != null) {
            current.markFailed(context.getDisplayName());
        }
    }

    private static final class Shared implements AutoCloseable {
        private final String url;
        private final ElasticsearchClient client;
        private final Optional<ElasticsearchServer> server;
        private final AtomicBoolean failed = new AtomicBoolean();

        private Shared(String url, Optional<ElasticsearchServer> server) {
            this.url = url;
            this.server = server;
            this.client =
                    new ElasticsearchClient(
                            new Rest5ClientTransport(
                                    Rest5Client.builder(URI.create(url)).build(),
                                    new JacksonJsonpMapper(Json.mapper().copy())));
        }

        static Shared start() {
            String existing = System.getProperty(URL_PROPERTY);
            if (existing != null && !existing.isBlank()) {
                return useExisting(existing.strip());
            }
            ElasticsearchServer server =
                    ElasticsearchServer.builder(distributionZip()).runDir(newRunDir()).start();
            LOG.info(
                    "Elasticsearch {} started for the tests at {}",
                    server.version(),
                    server.httpUrl());
            return new Shared(server.httpUrl(), Optional.of(server));
        }

        private static Shared useExisting(String url) {
            try {
                String version = new ElasticsearchProbe(URI.create(url)).nodeVersion();
                LOG.info(
                        "Using the existing Elasticsearch {} at {} ({})",
                        version,
                        url,
                        URL_PROPERTY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "Interrupted asking " + url + " for its version", e);
            }
            return new Shared(url, Optional.empty());
        }

        private static Path distributionZip() {
            String property = System.getProperty(ZIP_PROPERTY);
            if (property == null || property.isBlank()) {
                throw new IllegalStateException(
                        "System property "
                                + ZIP_PROPERTY
                                + " is not set. Run the tests through Maven (it fetches the"
                                + " Elasticsearch zip and passes its path), set it to an"
                                + " elasticsearch-<version>.zip of the integ-test-zip distribution,"
                                + " or set "
                                + URL_PROPERTY
                                + " to use a running server.");
            }
            Path zip = Path.of(property);
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(
                        ZIP_PROPERTY
                                + "="
                                + zip
                                + " does not exist. Let Maven fetch it once with network access"
                                + " (./mvnw -pl jobs -am test-compile, without -o).");
            }
            return zip;
        }

        private static Path newRunDir() {
            try {
                return Files.createTempDirectory("pingzhi-es-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the Elasticsearch run folder", e);
            }
        }

        void markFailed(String testName) {
            server.ifPresent(
                    s -> {
                        LOG.warn("{} failed; Elasticsearch log: {}", testName, s.logFile());
                        failed.set(true);
                    });
        }

        @Override
        public void close() throws IOException {
            client._transport().close();
            if (server.isEmpty()) {
                return;
            }
            ElasticsearchServer stopping = server.get();
            stopping.close();
            if (failed.get()) {
                LOG.warn(
                        "Tests failed: Elasticsearch log kept at {} (console: {})",
                        stopping.logFile(),
                        stopping.consoleLog());
            } else {
                FileTrees.deleteRecursively(stopping.runDir());
            }
        }
    }
}
