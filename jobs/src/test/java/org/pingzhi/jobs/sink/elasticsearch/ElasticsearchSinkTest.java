package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.sink.elasticsearch.TestDocuments.REPORTED_AT;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.rules.control.RuleVersionDocuments;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/** The sink in a Flink job against the real Elasticsearch server. */
@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchSinkTest {

    private static final String PREFIX = "essink-sink-";
    private static final String INCIDENTS = PREFIX + "incidents";

    @RegisterExtension static final SinkJobs jobs = new SinkJobs(PREFIX);

    private final ElasticsearchClient client = ElasticsearchExtension.client();

    @Test
    void documents_are_searchable_under_their_ids_and_writing_them_again_overwrites()
            throws Exception {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            documents.add(TestDocuments.incident("110-A" + i, 1));
        }
        long minute = REPORTED_AT - REPORTED_AT % 60_000;
        documents.add(TestDocuments.metric(minute, "330482101"));
        documents.add(TestDocuments.metric(minute + 86_400_000, "330482101"));

        Configuration config = new Configuration();
        config.set(ElasticsearchOptions.HOSTS, List.of(ElasticsearchExtension.httpUrl()));
        config.set(ElasticsearchOptions.INDEX_PREFIX, PREFIX);
        config.set(ElasticsearchOptions.BULK_MAX_ACTIONS, 100);
        ElasticsearchSink<Document> configured =
                ElasticsearchSinkBuilder.forDocuments(config).build();

        SinkJobs.Counters first = jobs.run(documents, configured);

        refresh();
        assertThat(count(INCIDENTS)).isEqualTo(1200);
        assertThat(count(PREFIX + "metrics-2026.11.28")).isEqualTo(1);
        assertThat(count(PREFIX + "metrics-2026.11.29")).isEqualTo(1);
        assertThat(get(INCIDENTS, "110-A7").source())
                .isEqualTo(Json.mapper().readTree(documents.get(7).json()));
        assertThat(first.get(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN)).isEqualTo(1202);
        assertThat(first.get(ElasticsearchSinkMetrics.BULK_REQUESTS)).isGreaterThanOrEqualTo(13);
        assertThat(first.get(ElasticsearchSinkMetrics.RETRIES)).isZero();
        assertThat(first.get(ElasticsearchSinkMetrics.REJECTED)).isZero();
        assertThat(first.has(ElasticsearchSinkMetrics.LAST_BULK_LATENCY_MS)).isTrue();
        long firstVersion = get(INCIDENTS, "110-A7").version();

        jobs.run(documents, configured);

        refresh();
        assertThat(count(INCIDENTS)).isEqualTo(1200);
        assertThat(count(PREFIX + "metrics-*")).isEqualTo(2);
        assertThat(get(INCIDENTS, "110-A7").version()).isGreaterThan(firstVersion);
    }

    @Test
    void a_write_never_overtakes_an_earlier_write_to_the_same_document() throws Exception {
        int versions = 30;
        List<String> ids = List.of("110-B1", "110-B2", "110-B3", "12345-C1", "12345-C2");
        List<Document> documents = new ArrayList<>();
        for (int version = 1; version <= versions; version++) {
            for (String id : ids) {
                documents.add(TestDocuments.incident(id, version));
            }
        }
        // bulk requests of one version each; the third is held back while the writer, its
        // in-flight limit already raised by the first successes, could send the next ones
        try (FaultyElasticsearchProxy proxy =
                FaultyElasticsearchProxy.delaying(
                        ElasticsearchExtension.httpUrl(), 3, Duration.ofSeconds(2))) {
            jobs.run(
                    documents,
                    sink().setConnection(ElasticsearchConnection.to(proxy.url()))
                            .setMaxBatchSize(ids.size())
                            .setMaxInFlightRequests(4)
                            .setMaxBufferedRequests(50)
                            .build());
        }

        refresh();
        for (String id : ids) {
            assertThat(get(INCIDENTS, id).source().path("version").asInt())
                    .as(id)
                    .isEqualTo(versions);
        }
    }

    @Test
    void the_last_write_to_a_document_wins_when_writes_are_coalesced() throws Exception {
        int versions = 200;
        List<String> ids = List.of("110-B1", "110-B2", "110-B3", "12345-C1", "12345-C2");
        List<Document> documents = new ArrayList<>();
        for (int version = 1; version <= versions; version++) {
            for (String id : ids) {
                documents.add(TestDocuments.incident(id, version));
            }
        }

        SinkJobs.Counters counters =
                jobs.run(
                        documents,
                        sink().setMaxBatchSize(7)
                                .setMaxInFlightRequests(4)
                                .setMaxBufferedRequests(50)
                                .build());

        refresh();
        for (String id : ids) {
            assertThat(get(INCIDENTS, id).source().path("version").asInt())
                    .as(id)
                    .isEqualTo(versions);
        }
        assertThat(counters.get(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN))
                .isBetween((long) ids.size(), documents.size() - 1L);
    }

    @Test
    void documents_refused_for_good_reach_the_handler_once_and_the_others_are_written()
            throws Exception {
        CollectingRejectedDocumentHandler rejects = new CollectingRejectedDocumentHandler();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            documents.add(
                    i % 20 == 5
                            ? TestDocuments.malformedIncident("110-BAD" + i)
                            : TestDocuments.incident("110-OK" + i, 1));
        }

        SinkJobs.Counters job =
                jobs.run(documents, sink().setRejectedDocumentHandler(rejects).build());

        refresh();
        assertThat(count(INCIDENTS)).isEqualTo(57);
        assertThat(rejects.collected())
                .extracting(RejectedDocument::id)
                .containsExactlyInAnyOrder("110-BAD5", "110-BAD25", "110-BAD45");
        assertThat(rejects.collected())
                .allSatisfy(
                        rejected -> {
                            assertThat(rejected.index()).isEqualTo(INCIDENTS);
                            assertThat(rejected.status()).isEqualTo(400);
                            assertThat(rejected.errorType()).endsWith("parsing_exception");
                            assertThat(rejected.errorReason()).contains("slaTargetSeconds");
                            assertThat(rejected.attempts()).isEqualTo(1);
                            assertThat(rejected.sourceAsString()).contains("ten minutes");
                        });
        assertThat(job.get(ElasticsearchSinkMetrics.REJECTED)).isEqualTo(3);
        assertThat(job.get(ElasticsearchSinkMetrics.RETRIES)).isZero();
        assertThat(job.get(ElasticsearchSinkMetrics.DOCUMENTS_WRITTEN)).isEqualTo(57);
    }

    @Test
    void a_deletion_removes_its_document_and_deleting_what_is_not_there_is_no_error()
            throws Exception {
        CollectingRejectedDocumentHandler rejects = new CollectingRejectedDocumentHandler();
        List<Document> documents =
                List.of(
                        TestDocuments.incident("110-KEEP", 1),
                        TestDocuments.incident("110-GONE", 1),
                        Document.deletionOf(DocumentKind.INCIDENT, "110-GONE", 0L),
                        Document.deletionOf(DocumentKind.INCIDENT, "110-NEVER-WRITTEN", 0L),
                        Document.deletionOf(DocumentKind.ALERT, "sla:110-NO-INDEX:TOWN", 0L));

        jobs.run(documents, sink().setRejectedDocumentHandler(rejects).build());

        refresh();
        assertThat(exists(INCIDENTS, "110-KEEP")).isTrue();
        assertThat(exists(INCIDENTS, "110-GONE")).isFalse();
        assertThat(rejects.collected()).isEmpty();
    }

    @Test
    void a_document_under_a_fixed_version_keeps_its_first_write_until_a_higher_one()
            throws Exception {
        String rules =
                "{\"version\": \"start\", \"rules\": [{\"id\": \"hot\", \"kind\":"
                        + " \"HOTSPOT\", \"severity\": \"WARNING\", \"level\": \"TOWN\","
                        + " \"key\": [\"townCode\"], \"threshold\": 3, \"window\": \"PT1H\"}]}";
        RulesVersion first = new RulesVersion("start", rules, REPORTED_AT);
        RulesVersion later = new RulesVersion("start", rules, REPORTED_AT + 3_600_000);
        RulesVersion next = new RulesVersion("v2", rules, REPORTED_AT + 7_200_000);
        String audit = PREFIX + "rules";

        jobs.run(RuleVersionDocuments.startInForce(first), sink().build());
        jobs.run(RuleVersionDocuments.startInForce(later), sink().build());
        refresh();
        assertThat(get(audit, "hot:start").source().path("inForceFrom").asText())
                .as("a later start does not rewrite when the start file came into force")
                .isEqualTo(Times.iso(REPORTED_AT));

        jobs.run(RuleVersionDocuments.startReplaced(first, next), sink().build());
        jobs.run(RuleVersionDocuments.startInForce(later), sink().build());
        refresh();
        JsonNode replaced = get(audit, "hot:start").source();
        assertThat(replaced.path("replacedBy").asText()).isEqualTo("v2");
        assertThat(replaced.path("inForceFrom").asText()).isEqualTo(Times.iso(REPORTED_AT));
    }

    private ElasticsearchSinkBuilder<Document> sink() {
        return ElasticsearchSink.<Document>builder()
                .setConnection(ElasticsearchConnection.to(ElasticsearchExtension.httpUrl()))
                .setElementConverter(new DocumentElementConverter(PREFIX));
    }

    private void refresh() throws IOException {
        client.indices().refresh(refresh -> refresh.index(PREFIX + "*"));
    }

    private long count(String index) throws IOException {
        return client.count(count -> count.index(index)).count();
    }

    private boolean exists(String index, String id) throws IOException {
        return client.exists(exists -> exists.index(index).id(id)).value();
    }

    private GetResponse<JsonNode> get(String index, String id) throws IOException {
        GetResponse<JsonNode> response = client.get(get -> get.index(index).id(id), JsonNode.class);
        assertThat(response.found()).as("%s/%s found", index, id).isTrue();
        return response;
    }
}
