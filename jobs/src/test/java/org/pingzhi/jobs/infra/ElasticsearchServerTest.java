package org.pingzhi.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.GeoDistanceQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pingzhi.jobs.testing.ElasticsearchExtension;

/** Index templates, bulk writes and aggregations work against the test server. */
@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchServerTest {

    private static final String TEMPLATE = "pingzhi-infra-test";
    private static final String INDEX = TEMPLATE + "-incidents";
    private static final String TEMPLATE_BODY =
            """
            {
              "index_patterns": ["pingzhi-infra-test-*"],
              "template": {
                "settings": {"number_of_shards": 1, "number_of_replicas": 0},
                "mappings": {
                  "dynamic": "strict",
                  "properties": {
                    "incidentId": {"type": "keyword"},
                    "town": {"type": "keyword"},
                    "reportedAt": {"type": "date"},
                    "location": {"type": "geo_point"},
                    "responseSeconds": {"type": "long"}
                  }
                }
              }
            }
            """;

    private final ElasticsearchClient client = ElasticsearchExtension.client();

    @BeforeEach
    void freshTemplateAndNoIndex() throws IOException {
        ElasticsearchExtension.deleteIndices(TEMPLATE + "-*");
        client.indices()
                .putIndexTemplate(
                        template ->
                                template.name(TEMPLATE).withJson(new StringReader(TEMPLATE_BODY)));
    }

    @Test
    void clusterIsHealthy() throws IOException {
        assertThat(client.cluster().health().status())
                .isIn(HealthStatus.Green, HealthStatus.Yellow);
    }

    @Test
    void templateMappingAppliesToNewIndex() throws IOException {
        bulkIndex(
                List.of(
                        incident(
                                "I-1", "当湖街道", "2026-11-28T08:05:00+08:00", 30.698, 121.015, 120)));

        Map<String, Property> properties =
                client.indices().getMapping(m -> m.index(INDEX)).get(INDEX).mappings().properties();
        assertThat(properties.get("location").isGeoPoint()).isTrue();
        assertThat(properties.get("reportedAt").isDate()).isTrue();
        assertThat(properties.get("town").isKeyword()).isTrue();
        assertThat(properties.get("responseSeconds").isLong()).isTrue();
    }

    @Test
    void bulkIndexedDocumentsAggregateByTownAndHour() throws IOException {
        bulkIndex(
                List.of(
                        incident("I-1", "当湖街道", "2026-11-28T08:05:00+08:00", 30.698, 121.015, 120),
                        incident("I-2", "当湖街道", "2026-11-28T08:40:00+08:00", 30.702, 121.020, 300),
                        incident("I-3", "乍浦镇", "2026-11-28T08:59:59+08:00", 30.600, 121.090, 540),
                        incident("I-4", "乍浦镇", "2026-11-28T10:00:00+08:00", 30.605, 121.085, 60),
                        incident("I-5", "当湖街道", "2026-11-28T10:30:00+08:00", 30.700, 121.010, 200),
                        // Hangzhou, outside the 20 km around Pinghu the search keeps.
                        incident("I-6", "杭州", "2026-11-28T10:31:00+08:00", 30.274, 120.155, 999)));

        Query nearPinghu =
                GeoDistanceQuery.of(
                                geo ->
                                        geo.field("location")
                                                .distance("20km")
                                                .location(
                                                        at ->
                                                                at.latlon(
                                                                        ll ->
                                                                                ll.lat(30.70)
                                                                                        .lon(
                                                                                                121.02))))
                        ._toQuery();
        Map<String, Aggregation> aggregations =
                Map.of(
                        "byTown", Aggregation.of(a -> a.terms(terms -> terms.field("town"))),
                        "perHour",
                                Aggregation.of(
                                        a ->
                                                a.dateHistogram(
                                                        hours ->
                                                                hours.field("reportedAt")
                                                                        .calendarInterval(
                                                                                CalendarInterval
                                                                                        .Hour)
                                                                        .timeZone("+08:00"))),
                        "slowest", Aggregation.of(a -> a.max(max -> max.field("responseSeconds"))));
        SearchResponse<Void> response =
                client.search(
                        search ->
                                search.index(INDEX)
                                        .size(0)
                                        .query(nearPinghu)
                                        .aggregations(aggregations),
                        Void.class);

        assertThat(response.hits().total().value()).isEqualTo(5);
        Map<String, Aggregate> results = response.aggregations();
        assertThat(results.get("byTown").sterms().buckets().array())
                .extracting(bucket -> bucket.key().stringValue(), StringTermsBucket::docCount)
                .containsExactly(tuple("当湖街道", 3L), tuple("乍浦镇", 2L));
        assertThat(results.get("perHour").dateHistogram().buckets().array())
                .extracting(DateHistogramBucket::key, DateHistogramBucket::docCount)
                .containsExactly(
                        tuple(epochMillis("2026-11-28T08:00+08:00"), 3L),
                        tuple(epochMillis("2026-11-28T09:00+08:00"), 0L),
                        tuple(epochMillis("2026-11-28T10:00+08:00"), 2L));
        assertThat(results.get("slowest").max().value()).isEqualTo(540.0);
    }

    private void bulkIndex(List<Map<String, Object>> docs) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        for (Map<String, Object> doc : docs) {
            String id = (String) doc.get("incidentId");
            bulk.operations(op -> op.index(index -> index.index(INDEX).id(id).document(doc)));
        }
        BulkResponse written = client.bulk(bulk.build());
        assertThat(written.errors()).as("bulk errors: %s", written.items()).isFalse();
    }

    private static Map<String, Object> incident(
            String id, String town, String reportedAt, double lat, double lon, long seconds) {
        return Map.of(
                "incidentId", id,
                "town", town,
                "reportedAt", reportedAt,
                "location", Map.of("lat", lat, "lon", lon),
                "responseSeconds", seconds);
    }

    private static long epochMillis(String isoMinute) {
        return OffsetDateTime.parse(isoMinute).toInstant().toEpochMilli();
    }
}
