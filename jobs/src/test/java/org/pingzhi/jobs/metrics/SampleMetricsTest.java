package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.utc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;
import org.pingzhi.jobs.testing.ContractSamples;

/**
 * The metric documents of the contract's samples, replayed (the incidents as their final state,
 * judged at the horizon), against the hand-checked {@code expected-incidents.jsonl}.
 */
class SampleMetricsTest {

    private static Collection<MinuteMetric> documents;

    @BeforeAll
    static void replaySamples() throws Exception {
        Normalizer normalizer = Normalizer.fromConfiguration(new Configuration());
        Map<String, List<UnifiedEvent>> incidents = new TreeMap<>();
        for (Source source : Source.values()) {
            List<byte[]> lines = ContractSamples.inputLines(source.defaultTopic() + ".jsonl");
            for (int line = 0; line < lines.size(); line++) {
                RawRecord raw = new RawRecord(source.defaultTopic(), 0, line, lines.get(line));
                if (normalizer.normalize(source, raw)
                        instanceof NormalizeResult.Accepted accepted) {
                    UnifiedEvent event = accepted.event();
                    incidents
                            .computeIfAbsent(event.incidentId(), id -> new ArrayList<>())
                            .add(event);
                }
            }
        }
        long horizon =
                incidents.values().stream()
                        .flatMap(List::stream)
                        .mapToLong(UnifiedEvent::eventTime)
                        .max()
                        .orElseThrow();
        MetricsHarness harness = new MetricsHarness(MetricsOptions.DEFAULT_LATENESS.toMillis());
        for (List<UnifiedEvent> records : incidents.values()) {
            harness.send(Judged.bookings(horizon, records.toArray(UnifiedEvent[]::new)));
        }
        harness.watermark(Long.MAX_VALUE);
        documents = harness.documents().values();
    }

    @Test
    void theDocumentsCountWhatTheExpectedIncidentsSay() throws Exception {
        assertThat(
                        new ContractSamples.MetricTotals(
                                documents.stream().mapToInt(MinuteMetric::reported).sum(),
                                documents.stream().mapToInt(MinuteMetric::slaMet).sum(),
                                documents.stream().mapToInt(MinuteMetric::slaBreached).sum(),
                                documents.stream().mapToInt(MinuteMetric::responded).sum(),
                                documents.stream()
                                        .mapToLong(MinuteMetric::responseMillisSum)
                                        .sum()))
                .isEqualTo(ContractSamples.expectedMetricTotals());
        for (JsonNode incident : ContractSamples.expectedIncidents()) {
            long reportedAt = Times.parseIso(incident.get("reportedAt").asText());
            assertThat(documents)
                    .as(incident.get("incidentId").asText())
                    .anyMatch(
                            document ->
                                    document.ts() == MetricMinutes.minuteOf(reportedAt)
                                            && document.reported() > 0
                                            && document.group()
                                                    .townCode()
                                                    .equals(incident.get("townCode").asText())
                                            && document.group()
                                                    .category()
                                                    .equals(incident.get("category").asText()));
        }
    }

    @Test
    void aBreachedAlarmAnsweredLateBooksItsThreeMinutes() {
        // 110-J…0002, 新仓镇, reported 02:02, deadline 02:12, on scene 02:15:30, never ended.
        MetricGroup group = new MetricGroup("330482102", "新仓镇", "110", "PUBLIC_SECURITY");

        assertThat(documents.stream().filter(document -> document.group().equals(group)))
                .containsExactlyInAnyOrder(
                        new MinuteMetric(utc("02:02:00"), group, 1, 0, 0, 0, 0, null, 1),
                        new MinuteMetric(utc("02:12:00"), group, 0, 0, 0, 1, 0, null, 1),
                        new MinuteMetric(utc("02:15:00"), group, 0, 1, 0, 0, 810_000, 810_000L, 1));
    }
}
