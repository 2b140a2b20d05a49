package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pingzhi.common.model.Document;
import org.pingzhi.jobs.sink.elasticsearch.FaultyElasticsearchProxy.Fault;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/** The sink against the real server behind a proxy that fails on purpose. */
@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchSinkRetryTest {

    private static final String PREFIX = "essink-retry-";
    private static final String INCIDENTS = PREFIX + "incidents";
    private static final RetryPolicy QUICK_RETRIES =
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40));

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
            assertThat(counters.get(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN)).isEqualTo(100);
            assertThat(counters.get(ElasticsearchSinkMetrics.REJECTED)).isZero();
            assertThat(counters.get(ElasticsearchSinkMetrics.BULK_REQUESTS))
                    .isEqualTo(proxy.bulkRequests());
        }
    }

    @Test
    void a_document_that_keeps_failing_is_rejected_once_its_retries_are_exhausted()
            throws Exception {
        CollectingRejectedDocumentHandler rejects = new CollectingRejectedDocumentHandler();
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.alwaysRejecting(
                        ElasticsearchExtension.httpUrl(), Set.of("110-R7", "110-R42"))) {

            SinkJobs.Counters counters =
                    jobs.run(
                            incidents(100),
                            sinkThrough(proxy)
                                    .setRetryPolicy(QUICK_RETRIES)
                                    .setRejectedDocumentHandler(rejects)
                                    .build());

            assertThat(counters.get(ElasticsearchSinkMetrics.RETRIES)).isEqualTo(4);
            assertThat(counters.get(ElasticsearchSinkMetrics.REJECTED)).isEqualTo(2);
        }
        assertThat(rejects.collected())
                .extracting(RejectedDocument::id)
                .containsExactlyInAnyOrder("110-R7", "110-R42");
        assertThat(rejects.collected())
                .allSatisfy(
                        rejected -> {
                            assertThat(rejected.status()).isEqualTo(429);
                            assertThat(rejected.errorType())
                                    .isEqualTo(RejectedDocument.RETRIES_EXHAUSTED);
                            assertThat(rejected.errorReason())
                                    .contains("es_rejected_execution_exception");
                            assertThat(rejected.attempts()).isEqualTo(3);
                        });
    }

    @Test
    void a_server_unavailable_beyond_the_retry_budget_fails_the_job_with_a_clear_error()
            throws Exception {
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.start(
                        ElasticsearchExtension.httpUrl(),
                        Fault.SERVICE_UNAVAILABLE,
                        Integer.MAX_VALUE)) {

            assertThatThrownBy(
                            () ->
                                    jobs.run(
                                            incidents(10),
                                            sinkThrough(proxy)
                                                    .setRetryPolicy(QUICK_RETRIES)
                                                    .build()))
                    .satisfies(
                            // the job's failure comes back serialized: find it by its message
                            failure ->
                                    assertThat(
                                                    ExceptionUtils.findThrowableWithMessage(
                                                            failure,
                                                            "Elasticsearch unavailable: a bulk"
                                                                    + " request failed 3 times"))
                                            .hasValueSatisfying(
                                                    cause ->
                                                            assertThat(cause)
                                                                    .hasMessageContaining(
                                                                            "HTTP 503")));
            assertThat(proxy.bulkRequests()).isEqualTo(3);
        }
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
