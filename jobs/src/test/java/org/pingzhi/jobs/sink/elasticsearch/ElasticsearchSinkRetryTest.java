package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pingzhi.common.model.Document;
import org.pingzhi.jobs.sink.elasticsearch.FaultyElasticsearchProxy.Fault;
import org.pingzhi.jobs.sink.elasticsearch.FaultyElasticsearchProxy.ItemError;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.Poll;

/** The sink against the real server behind a proxy that fails on purpose. */
@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchSinkRetryTest {

    private static final String PREFIX = "essink-retry-";
    private static final String INCIDENTS = PREFIX + "incidents";

    @RegisterExtension static final SinkJobs jobs = new SinkJobs(PREFIX);

    private final ElasticsearchClient client = ElasticsearchExtension.client();

    @ParameterizedTest
    @EnumSource(Fault.class)
    void every_document_arrives_exactly_once_when_the_server_fails_for_a_while(Fault fault)
            throws Exception {
        List<Document> documents = incidents(300);
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.start(ElasticsearchExtension.httpUrl(), fault, 3)) {

            SinkJobs.Counters counters =
                    jobs.run(documents, sinkThrough(proxy).setMaxBatchSize(50).build());

            assertThat(proxy.faultsInjected()).isGreaterThanOrEqualTo(3);
            assertThat(counters.get(ElasticsearchSinkMetrics.RETRIES))
                    .isGreaterThanOrEqualTo(proxy.faultsInjected());
        }
        assertThat(indexedIds()).containsExactlyInAnyOrderElementsOf(ids(documents));
    }

    @Test
    void the_retry_counters_add_up() throws Exception {
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.start(
                        ElasticsearchExtension.httpUrl(), Fault.ITEMS_TOO_MANY_REQUESTS, 2)) {

            SinkJobs.Counters counters =
                    jobs.run(incidents(100), sinkThrough(proxy).setMaxBatchSize(20).build());

            assertThat(counters.get(ElasticsearchSinkMetrics.RETRIES))
                    .isEqualTo(proxy.faultsInjected())
                    .isPositive();
            // the proxy reports 429 for writes the server did apply: their last retry, of the
            // same version, finds it there (409, superseded)
            long superseded = counters.get(ElasticsearchSinkMetrics.SUPERSEDED);
            assertThat(superseded).isPositive().isLessThanOrEqualTo(proxy.faultsInjected());
            assertThat(counters.get(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN))
                    .isEqualTo(100 - superseded);
            assertThat(counters.get(ElasticsearchSinkMetrics.REJECTED)).isZero();
            assertThat(counters.get(ElasticsearchSinkMetrics.BULK_REQUESTS))
                    .isEqualTo(proxy.bulkRequests());
        }
    }

    @Test
    void documents_refused_with_429_for_a_minute_are_held_and_all_written_current_afterwards()
            throws Exception {
        CollectingRejectedDocumentHandler rejects = new CollectingRejectedDocumentHandler();
        List<Document> documents = versionsOf(50, 3);
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.refusingEveryDocumentFor(
                        ElasticsearchExtension.httpUrl(),
                        Duration.ofSeconds(60),
                        new ItemError(429, "es_rejected_execution_exception"))) {

            SinkJobs.Counters counters =
                    jobs.run(
                            documents,
                            configuredThrough(proxy, Duration.ofSeconds(2))
                                    .setRejectedDocumentHandler(rejects)
                                    .build());

            assertThat(rejects.collected()).isEmpty();
            assertThat(counters.get(ElasticsearchSinkMetrics.REJECTED)).isZero();
            assertThat(counters.get(ElasticsearchSinkMetrics.RETRIES))
                    .isEqualTo(proxy.faultsInjected())
                    .isPositive();
        }
        assertEveryIncidentAtVersion(50, 3);
    }

    @Test
    void documents_refused_by_a_block_a_missing_privilege_or_a_missing_index_are_held()
            throws Exception {
        CollectingRejectedDocumentHandler rejects = new CollectingRejectedDocumentHandler();
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.refusingEveryDocumentFor(
                        ElasticsearchExtension.httpUrl(),
                        Duration.ofSeconds(3),
                        new ItemError(429, "cluster_block_exception"),
                        new ItemError(403, "cluster_block_exception"),
                        new ItemError(403, "security_exception"),
                        new ItemError(404, "index_not_found_exception"),
                        new ItemError(503, "unavailable_shards_exception"))) {

            jobs.run(
                    versionsOf(20, 2),
                    configuredThrough(proxy, Duration.ofMillis(200))
                            .setRejectedDocumentHandler(rejects)
                            .build());

            assertThat(proxy.faultsInjected()).isGreaterThanOrEqualTo(20);
        }
        assertThat(rejects.collected()).isEmpty();
        assertEveryIncidentAtVersion(20, 2);
    }

    @Test
    void a_server_unavailable_for_long_holds_the_writes_and_the_job_goes_on() throws Exception {
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.start(
                        ElasticsearchExtension.httpUrl(), Fault.SERVICE_UNAVAILABLE, 30)) {

            jobs.run(incidents(10), configuredThrough(proxy, Duration.ofMillis(20)).build());

            assertThat(proxy.faultsInjected()).isEqualTo(30);
        }
        assertThat(indexedIds()).containsExactlyInAnyOrderElementsOf(ids(incidents(10)));
    }

    @Test
    void bulk_requests_too_large_for_a_proxy_are_split_and_a_document_too_large_is_rejected()
            throws Exception {
        CollectingRejectedDocumentHandler rejects = new CollectingRejectedDocumentHandler();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            documents.add(TestDocuments.largeIncident("110-L" + i, 4_000));
        }
        documents.add(300, TestDocuments.largeIncident("110-HUGE", 1_200_000));
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.limitingBodiesTo(
                        ElasticsearchExtension.httpUrl(), 1024 * 1024)) {

            SinkJobs.Counters counters =
                    jobs.run(
                            documents,
                            configuredThrough(proxy, Duration.ofMillis(100))
                                    .setRejectedDocumentHandler(rejects)
                                    .build());

            assertThat(proxy.faultsInjected()).isPositive();
            assertThat(counters.get(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN)).isEqualTo(600);
        }
        assertThat(rejects.collected())
                .singleElement()
                .satisfies(
                        rejected -> {
                            assertThat(rejected.id()).isEqualTo("110-HUGE");
                            assertThat(rejected.status()).isEqualTo(413);
                        });
        assertThat(indexedIds()).hasSize(600).doesNotContain("110-HUGE");
    }

    @Test
    void a_bulk_request_the_server_applies_after_its_retry_does_not_overwrite_newer_writes()
            throws Exception {
        List<Document> documents = versionsOf(5, 2);
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.holdingFirstBulkUntilReleased(
                        ElasticsearchExtension.httpUrl())) {
            Configuration config = configuration(proxy, Duration.ofMillis(100));
            config.set(ElasticsearchOptions.REQUEST_TIMEOUT, Duration.ofSeconds(1));
            // one bulk request per version: the first one carries version 1 of every document
            config.set(ElasticsearchOptions.BULK_MAX_ACTIONS, 5);

            // the first bulk request times out on the client and is retried; the newer writes
            // follow; only then does the server get the first request
            jobs.run(documents, ElasticsearchSinkBuilder.forDocuments(config).build());
            proxy.releaseFirstBulk();

            Poll.until(
                    Duration.ofSeconds(30),
                    "the held bulk request reached the server",
                    proxy::firstBulkForwarded,
                    forwarded -> forwarded);
        }
        assertEveryIncidentAtVersion(5, 2);
    }

    private static ElasticsearchSinkBuilder<Document> configuredThrough(
            FaultyElasticsearchProxy proxy, Duration maxBackoff) {
        return ElasticsearchSinkBuilder.forDocuments(configuration(proxy, maxBackoff));
    }

    /** The sink's options, to the proxy, with quick retries up to {@code maxBackoff}. */
    private static Configuration configuration(
            FaultyElasticsearchProxy proxy, Duration maxBackoff) {
        Configuration config = new Configuration();
        config.set(ElasticsearchOptions.HOSTS, List.of(proxy.url()));
        config.set(ElasticsearchOptions.INDEX_PREFIX, PREFIX);
        config.set(ElasticsearchOptions.RETRY_INITIAL_BACKOFF, Duration.ofMillis(10));
        config.set(ElasticsearchOptions.RETRY_MAX_BACKOFF, maxBackoff);
        return config;
    }

    /** Versions 1 to {@code versions} of {@code count} incidents, each version of all in turn. */
    private static List<Document> versionsOf(int count, int versions) {
        List<Document> documents = new ArrayList<>();
        for (int version = 1; version <= versions; version++) {
            for (int i = 0; i < count; i++) {
                documents.add(TestDocuments.incident("110-R" + i, version));
            }
        }
        return documents;
    }

    private void assertEveryIncidentAtVersion(int count, int version) throws IOException {
        client.indices().refresh(refresh -> refresh.index(INCIDENTS));
        Map<String, Integer> versions = new HashMap<>();
        for (Hit<JsonNode> hit :
                client.search(search -> search.index(INCIDENTS).size(10_000), JsonNode.class)
                        .hits()
                        .hits()) {
            versions.put(hit.id(), hit.source().path("version").asInt());
        }
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < count; i++) {
            expected.put("110-R" + i, version);
        }
        assertThat(versions).isEqualTo(expected);
    }

    private static ElasticsearchSinkBuilder<Document> sinkThrough(FaultyElasticsearchProxy proxy) {
        return ElasticsearchSink.<Document>builder()
                .setConnection(ElasticsearchConnection.to(proxy.url()))
                .setElementConverter(new DocumentElementConverter(PREFIX));
    }

    private static List<Document> incidents(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(TestDocuments.incident("110-R" + i, 1));
        }
        return documents;
    }

    private static List<String> ids(List<Document> documents) {
        return documents.stream().map(Document::id).toList();
    }

    private List<String> indexedIds() throws IOException {
        client.indices().refresh(refresh -> refresh.index(INCIDENTS));
        return client
                .search(
                        search -> search.index(INCIDENTS).size(10_000).source(s -> s.fetch(false)),
                        JsonNode.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::id)
                .toList();
    }
}
