package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.ArrayPercentilesItem;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramAggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.DoubleTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.replay.ReplayArguments;
import org.pingzhi.jobs.replay.ReplayFilesSink;
import org.pingzhi.jobs.replay.ReplayJob;
import org.pingzhi.jobs.sink.elasticsearch.ElasticsearchOptions;
import org.pingzhi.jobs.sink.elasticsearch.IndexNames;
import org.pingzhi.jobs.testing.ContractSamples;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * The dashboards' figures, asked of the real Elasticsearch the live job wrote, as the Lens panels
 * of {@code CommandCenterDashboards} ask them (same index, filter, fields and operations), agree
 * with the same figures taken from the replay's files of the same trace: SLA compliance by town,
 * breaches per hour, open incidents and the response-time percentiles.
 *
 * <p>The trace is the contract samples and one incident answered at 05:01, long after the samples'
 * last SLA step (the pending sample's CITY step, 03:40): it moves replay's horizon past every
 * deadline, so replay decides what live decides by the wall clock, and both end in the same state.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class DashboardFiguresTest {

    private static final long CLOSING_REPORT = Instant.parse("2026-11-28T05:00:00Z").toEpochMilli();
    private static final List<byte[]> CLOSING_RECORDS =
            List.of(
                    RawInputs.alarm("J-FIGURES-CLOSING", "RECEIVED", CLOSING_REPORT),
                    RawInputs.alarm("J-FIGURES-CLOSING", "ARRIVED", CLOSING_REPORT + 60_000));
    private static final Set<String> FINISHED = Set.of("RESOLVED", "CLOSED", "CANCELLED");
    private static final List<Double> PERCENTS = List.of(50.0, 90.0, 95.0);

    @TempDir Path folder;

    @Test
    void eachDashboardFigureOfTheLiveJobAgreesWithTheReplayOfTheSameTrace() throws Exception {
        List<byte[]> hotline = ContractSamples.inputLines("hotline-12345.jsonl");
        List<byte[]> police = new ArrayList<>(ContractSamples.inputLines("police-110.jsonl"));
        police.addAll(CLOSING_RECORDS);
        Path replayed = replay(hotline, police);
        List<JsonNode> incidents = replayFile(replayed, DocumentKind.INCIDENT);
        List<JsonNode> slaEvents = replayFile(replayed, DocumentKind.SLA_EVENT);
        List<JsonNode> metrics = replayFile(replayed, DocumentKind.METRIC);
        Map<String, TownCompliance> complianceByTown = complianceByTown(incidents);
        Map<Instant, Long> breachEventsPerHour = breachEventsPerHour(slaEvents);
        long openIncidents = openIncidents(incidents);
        List<Double> responses = responseSeconds(incidents);
        // the trace gives each figure something to show, so that agreeing is not agreeing on
        // nothing
        assertThat(complianceByTown).hasSizeGreaterThan(3);
        assertThat(breachEventsPerHour).isNotEmpty();
        assertThat(openIncidents).isPositive();
        assertThat(responses).hasSizeGreaterThan(3);

        try (LiveCommandCenter center =
                LiveCommandCenter.start(
                        LiveCommandCenter.configuration("e2e-figures", Map.of()),
                        CommandCenterJob::wire)) {
            center.produce(Source.HOTLINE_12345, hotline);
            center.produce(Source.POLICE_110, police);
            Map<String, String> finalStates =
                    incidents.stream()
                            .collect(
                                    Collectors.toMap(
                                            incident -> incident.get("incidentId").asText(),
                                            DashboardFiguresTest::decided,
                                            (a, b) -> a,
                                            TreeMap::new));
            Poll.until(
                    Duration.ofSeconds(180),
                    "Elasticsearch holding the replay's final incidents, SLA events and metrics",
                    () -> liveCounts(center),
                    live ->
                            live.incidents().equals(finalStates)
                                    && live.slaEvents() == slaEvents.size()
                                    && live.metrics() == metrics.size());

            String prefix = center.configuration().get(ElasticsearchOptions.INDEX_PREFIX);
            Figures panels = new Figures(ElasticsearchExtension.client(), prefix);
            assertThat(panels.complianceByTown()).isEqualTo(complianceByTown);
            assertThat(panels.breachEventsPerHour()).isEqualTo(breachEventsPerHour);
            assertThat(panels.breachedPerHour()).isEqualTo(breachedPerHour(incidents));
            assertThat(panels.openIncidents()).isEqualTo(openIncidents);
            assertThat(panels.responseSecondsIndexed()).isEqualTo(responses);
            Map<Double, Double> percentiles = panels.responsePercentiles();
            assertThat(percentiles).containsOnlyKeys(PERCENTS);
            for (double percent : PERCENTS) {
                assertThat(percentiles.get(percent))
                        .as("P%s of %s", percent, responses)
                        .isBetween(
                                orderStatistic(responses, percent, -2),
                                orderStatistic(responses, percent, 0));
            }
        }
    }

    /**
     * The figures as the dashboards' Lens panels compute them: the panel's index (data view),
     * filter, buckets and metrics; a panel's time range is wide enough to hold the whole trace.
     */
    private record Figures(ElasticsearchClient client, String prefix) {

        /**
         * 各镇街 SLA 达标率: metrics, terms on {@code town} (20, alphabetical), {@code sum(slaMet)},
         * {@code sum(slaBreached)} and the formula {@code sum(slaMet) / (sum(slaMet) +
         * sum(slaBreached))}.
         */
        Map<String, TownCompliance> complianceByTown() throws Exception {
            Aggregation towns =
                    Aggregation.of(
                            a ->
                                    a.terms(
                                                    t ->
                                                            t.field("town")
                                                                    .size(20)
                                                                    .order(
                                                                            NamedValue.of(
                                                                                    "_key",
                                                                                    SortOrder.Asc)))
                                            .aggregations(
                                                    Map.of(
                                                            "met", sumOf("slaMet"),
                                                            "breached", sumOf("slaBreached"))));
            Map<String, TownCompliance> byTown = new TreeMap<>();
            for (StringTermsBucket bucket :
                    aggregate(DocumentKind.METRIC, everything(), towns)
                            .sterms()
                            .buckets()
                            .array()) {
                byTown.put(
                        bucket.key().stringValue(),
                        TownCompliance.of(
                                Math.round(bucket.aggregations().get("met").sum().value()),
                                Math.round(bucket.aggregations().get("breached").sum().value())));
            }
            return byTown;
        }

        /** 近 1 小时超时, per hour: sla-events, {@code type:BREACH}, count per hour of {@code at}. */
        Map<Instant, Long> breachEventsPerHour() throws Exception {
            Query breaches = Query.of(q -> q.term(t -> t.field("type").value("BREACH")));
            Aggregation hours = Aggregation.of(a -> a.dateHistogram(hourly("at")));
            Map<Instant, Long> byHour = new TreeMap<>();
            for (DateHistogramBucket bucket :
                    aggregate(DocumentKind.SLA_EVENT, breaches, hours)
                            .dateHistogram()
                            .buckets()
                            .array()) {
                putUnlessZero(byHour, bucket, bucket.docCount());
            }
            return byHour;
        }

        /** The metrics' breaches per hour: {@code sum(slaBreached)} per hour of {@code ts}. */
        Map<Instant, Long> breachedPerHour() throws Exception {
            Aggregation hours =
                    Aggregation.of(
                            a ->
                                    a.dateHistogram(hourly("ts"))
                                            .aggregations("breached", sumOf("slaBreached")));
            Map<Instant, Long> byHour = new TreeMap<>();
            for (DateHistogramBucket bucket :
                    aggregate(DocumentKind.METRIC, everything(), hours)
                            .dateHistogram()
                            .buckets()
                            .array()) {
                putUnlessZero(
                        byHour,
                        bucket,
                        Math.round(bucket.aggregations().get("breached").sum().value()));
            }
            return byHour;
        }

        /** 当前未结事件: incidents, {@code not status:(RESOLVED or CLOSED or CANCELLED)}, count. */
        long openIncidents() throws Exception {
            List<FieldValue> finished = FINISHED.stream().map(FieldValue::of).toList();
            Query open =
                    Query.of(
                            q ->
                                    q.bool(
                                            b ->
                                                    b.mustNot(
                                                            n ->
                                                                    n.terms(
                                                                            t ->
                                                                                    t.field(
                                                                                                    "status")
                                                                                            .terms(
                                                                                                    v ->
                                                                                                            v
                                                                                                                    .value(
                                                                                                                            finished))))));
            String index = index(DocumentKind.INCIDENT);
            return client.count(c -> c.index(index).query(open)).count();
        }

        /**
         * 响应时长分位数: incidents, {@code responseSeconds:*}, percentiles 50/90/95 of {@code
         * responseSeconds} (Elasticsearch's default TDigest, as Lens asks it).
         */
        Map<Double, Double> responsePercentiles() throws Exception {
            Aggregation percentiles =
                    Aggregation.of(
                            a ->
                                    a.percentiles(
                                            p ->
                                                    p.field("responseSeconds")
                                                            .percents(PERCENTS)
                                                            .keyed(false)));
            Map<Double, Double> byPercent = new TreeMap<>();
            for (ArrayPercentilesItem item :
                    aggregate(DocumentKind.INCIDENT, answered(), percentiles)
                            .tdigestPercentiles()
                            .values()
                            .array()) {
                byPercent.put(item.key(), item.value());
            }
            return byPercent;
        }

        /**
         * What the percentiles panel aggregates, exactly: the {@code responseSeconds} values of the
         * documents its filter selects, as indexed, in order, with repeats.
         */
        List<Double> responseSecondsIndexed() throws Exception {
            Aggregation values =
                    Aggregation.of(a -> a.terms(t -> t.field("responseSeconds").size(10_000)));
            List<Double> indexed = new ArrayList<>();
            for (DoubleTermsBucket bucket :
                    aggregate(DocumentKind.INCIDENT, answered(), values)
                            .dterms()
                            .buckets()
                            .array()) {
                for (long i = 0; i < bucket.docCount(); i++) {
                    indexed.add(bucket.key());
                }
            }
            indexed.sort(null);
            return indexed;
        }

        /**
         * The one aggregation of a search of the documents of a kind that {@code filter} selects.
         */
        private Aggregate aggregate(DocumentKind kind, Query filter, Aggregation aggregation)
                throws Exception {
            String index = index(kind);
            return client.search(
                            s ->
                                    s.index(index)
                                            .size(0)
                                            .query(filter)
                                            .aggregations("figure", aggregation),
                            Void.class)
                    .aggregations()
                    .get("figure");
        }

        private String index(DocumentKind kind) throws Exception {
            String index = IndexNames.pattern(prefix, kind);
            client.indices().refresh(r -> r.index(index));
            return index;
        }

        private static Aggregation sumOf(String field) {
            return Aggregation.of(a -> a.sum(s -> s.field(field)));
        }

        private static DateHistogramAggregation hourly(String timeField) {
            return DateHistogramAggregation.of(
                    d -> d.field(timeField).fixedInterval(i -> i.time("1h")));
        }

        private static void putUnlessZero(
                Map<Instant, Long> byHour, DateHistogramBucket bucket, long figure) {
            if (figure != 0) {
                byHour.put(Instant.ofEpochMilli(bucket.key()), figure);
            }
        }

        private static Query everything() {
            return Query.of(q -> q.matchAll(m -> m));
        }

        private static Query answered() {
            return Query.of(q -> q.exists(e -> e.field("responseSeconds")));
        }
    }

    /** A town's row of the compliance table; {@code compliance} null when nothing was decided. */
    private record TownCompliance(long met, long breached, Double compliance) {
        static TownCompliance of(long met, long breached) {
            return new TownCompliance(
                    met, breached, met + breached == 0 ? null : (double) met / (met + breached));
        }
    }

    private static Map<String, TownCompliance> complianceByTown(List<JsonNode> incidents) {
        Map<String, long[]> counts = new TreeMap<>();
        for (JsonNode incident : incidents) {
            long[] metAndBreached =
                    counts.computeIfAbsent(incident.get("town").asText(), town -> new long[2]);
            switch (incident.get("slaStatus").asText()) {
                case "MET" -> metAndBreached[0]++;
                case "BREACHED" -> metAndBreached[1]++;
                default -> {}
            }
        }
        Map<String, TownCompliance> byTown = new TreeMap<>();
        counts.forEach((town, c) -> byTown.put(town, TownCompliance.of(c[0], c[1])));
        return byTown;
    }

    private static Map<Instant, Long> breachEventsPerHour(List<JsonNode> slaEvents) {
        return countPerHour(
                slaEvents.stream()
                        .filter(event -> event.get("type").asText().equals("BREACH"))
                        .map(event -> event.get("at").asText())
                        .toList());
    }

    /** A breached incident counts in the hour of its deadline, as the metrics book it. */
    private static Map<Instant, Long> breachedPerHour(List<JsonNode> incidents) {
        return countPerHour(
                incidents.stream()
                        .filter(incident -> incident.get("slaStatus").asText().equals("BREACHED"))
                        .map(incident -> incident.get("slaDeadline").asText())
                        .toList());
    }

    private static Map<Instant, Long> countPerHour(List<String> times) {
        Map<Instant, Long> byHour = new TreeMap<>();
        for (String time : times) {
            byHour.merge(Instant.parse(time).truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
        }
        return byHour;
    }

    private static long openIncidents(List<JsonNode> incidents) {
        return incidents.stream()
                .filter(incident -> !FINISHED.contains(incident.get("status").asText()))
                .count();
    }

    private static List<Double> responseSeconds(List<JsonNode> incidents) {
        return incidents.stream()
                .map(incident -> incident.get("responseSeconds"))
                .filter(seconds -> seconds != null && !seconds.isNull())
                .map(JsonNode::asDouble)
                .sorted()
                .toList();
    }

    /**
     * The sorted value at 0-based index ⌈p·n⌉ + {@code shift}, clamped to the values. With far
     * fewer values than the TDigest's compression (100) every value is a centroid of its own, and
     * Elasticsearch interpolates between the two neighbouring centroids around rank p·n (whether it
     * places value i at i + ½ or at i·n/(n−1)): P{@code p} lies between the values at shifts −2 and
     * 0.
     */
    private static double orderStatistic(List<Double> sorted, double percent, int shift) {
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        int index = Math.max(0, Math.min(sorted.size() - 1, rank + shift));
        return sorted.get(index);
    }

    /**
     * What Elasticsearch holds: each incident's decided state, and how many SLA events, metrics.
     */
    private record LiveCounts(Map<String, String> incidents, int slaEvents, int metrics) {}

    private static LiveCounts liveCounts(LiveCommandCenter center) throws Exception {
        Map<String, String> incidents = new TreeMap<>();
        center.documents(DocumentKind.INCIDENT)
                .forEach((id, doc) -> incidents.put(id, decided(doc)));
        return new LiveCounts(
                incidents,
                center.documents(DocumentKind.SLA_EVENT).size(),
                center.documents(DocumentKind.METRIC).size());
    }

    /** The fields the figures read, of an incident's final state. */
    private static String decided(JsonNode incident) {
        return String.join(
                " ",
                incident.get("status").asText(),
                incident.get("slaStatus").asText(),
                incident.get("escalationLevel").asText(),
                incident.path("responseSeconds").asText());
    }

    private Path replay(List<byte[]> hotline, List<byte[]> police) throws Exception {
        Path in = Files.createDirectories(folder.resolve("in"));
        Path out = folder.resolve("out");
        ReplayJob.run(
                new ReplayArguments(
                        lines(in.resolve("hotline-12345.jsonl"), hotline),
                        lines(in.resolve("police-110.jsonl"), police),
                        out,
                        null,
                        null,
                        1,
                        Map.of()));
        return out;
    }

    private static Path lines(Path file, List<byte[]> values) throws Exception {
        StringBuilder text = new StringBuilder();
        for (byte[] value : values) {
            text.append(new String(value, StandardCharsets.UTF_8)).append('\n');
        }
        return Files.writeString(file, text);
    }

    private static List<JsonNode> replayFile(Path out, DocumentKind kind) throws Exception {
        return ContractSamples.jsonLines(ReplayFilesSink.fileOf(out, kind));
    }
}
