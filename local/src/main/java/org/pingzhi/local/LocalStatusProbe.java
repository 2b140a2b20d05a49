package org.pingzhi.local;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.pingzhi.common.json.Times;

/**
 * Reads the figures of the local run's status line from where a duty officer would see them: the
 * input topics' end offsets and the Elasticsearch indices.
 */
public final class LocalStatusProbe {

    private static final ZoneId PINGHU = ZoneId.of("Asia/Shanghai");

    private final Admin kafka;
    private final ElasticsearchClient elasticsearch;
    private final List<String> inputTopics;
    private final String indexPrefix;

    public LocalStatusProbe(
            Admin kafka,
            ElasticsearchClient elasticsearch,
            List<String> inputTopics,
            String indexPrefix) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.inputTopics = inputTopics;
        this.indexPrefix = indexPrefix;
    }

    public StatusLine read(LocalDate today) throws IOException, InterruptedException {
        String startOfToday = Times.iso(today.atStartOfDay(PINGHU).toInstant().toEpochMilli());
        Query reportedToday =
                Query.of(q -> q.range(r -> r.date(d -> d.field("reportedAt").gte(startOfToday))));
        return new StatusLine(
                recordsIn(),
                count("incidents", notIn("status", "CLOSED", "CANCELLED")),
                count("incidents", and(reportedToday, term("slaStatus", "MET"))),
                count("incidents", and(reportedToday, term("slaStatus", "BREACHED"))),
                count("alerts", term("status", "OPEN")),
                count("deadletter", Query.of(q -> q.matchAll(m -> m))));
    }

    private long recordsIn() throws InterruptedException {
        try {
            List<TopicPartition> partitions =
                    kafka
                            .describeTopics(inputTopics)
                            .allTopicNames()
                            .get(5, TimeUnit.SECONDS)
                            .values()
                            .stream()
                            .flatMap(
                                    topic ->
                                            topic.partitions().stream()
                                                    .map(
                                                            p ->
                                                                    new TopicPartition(
                                                                            topic.name(),
                                                                            p.partition())))
                            .toList();
            Map<TopicPartition, OffsetSpec> latest =
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return kafka.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        }
    }

    private long count(String index, Query query) throws IOException {
        return elasticsearch
                .count(
                        c ->
                                c.index(indexPrefix + index)
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true)
                                        .query(query))
                .count();
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query notIn(String field, String... values) {
        List<FieldValue> excluded = Arrays.stream(values).map(FieldValue::of).toList();
        return Query.of(
                q ->
                        q.bool(
                                b ->
                                        b.mustNot(
                                                n ->
                                                        n.terms(
                                                                t ->
                                                                        t.field(field)
                                                                                .terms(
                                                                                        v ->
                                                                                                v
                                                                                                        .value(
                                                                                                                excluded))))));
    }

    private static Query and(Query first, Query second) {
        return Query.of(q -> q.bool(b -> b.filter(first, second)));
    }
}
