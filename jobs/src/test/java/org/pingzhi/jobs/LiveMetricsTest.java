package org.pingzhi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Source;
import org.pingzhi.jobs.metrics.MetricMinutes;
import org.pingzhi.jobs.testing.ElasticsearchExtension;
import org.pingzhi.jobs.testing.KafkaExtension;
import org.pingzhi.jobs.testing.LiveCommandCenter;
import org.pingzhi.jobs.testing.Poll;
import org.pingzhi.jobs.testing.RawInputs;

/**
 * Live, a late response that withdraws a breach corrects the metric documents in place: the
 * response's minute is rewritten, the breach's minute, left with only zeros, is deleted.
 */
@ExtendWith({KafkaExtension.class, ElasticsearchExtension.class})
class LiveMetricsTest {

    private static final int TARGET_SECONDS = 5;

    @TempDir Path folder;

    @Test
    void aLateResponseRewritesItsMinuteAndDeletesTheBreachedOne() throws Exception {
        try (LiveCommandCenter center =
                LiveCommandCenter.startWithTarget("e2e-metrics", folder, TARGET_SECONDS)) {
            // minutes ago, 3 s before a minute's end: the deadline falls into the next minute
            long reportMinute = MetricMinutes.minuteOf(System.currentTimeMillis() - 300_000);
            long reportedAt = reportMinute + 57_000;
            long deadlineMinute = MetricMinutes.minuteOf(reportedAt + TARGET_SECONDS * 1_000L);
            center.produce(
                    Source.POLICE_110,
                    List.of(RawInputs.alarm("J-METRICS-1", "RECEIVED", reportedAt)));
            Poll.until(
                    Duration.ofSeconds(120),
                    "the breach booked in its minute",
                    () -> metric(center, deadlineMinute),
                    breach -> breach.filter(m -> m.get("slaBreached").asInt() == 1).isPresent());

            center.produce(
                    Source.POLICE_110,
                    List.of(RawInputs.alarm("J-METRICS-1", "ARRIVED", reportedAt + 1_000)));
            JsonNode met =
                    Poll.until(
                                    Duration.ofSeconds(120),
                                    "the response booked in the report's minute",
                                    () -> metric(center, reportMinute),
                                    report ->
                                            report.filter(m -> m.get("slaMet").asInt() == 1)
                                                    .isPresent())
                            .orElseThrow();
            Poll.until(
                    Duration.ofSeconds(120),
                    "the breach's minute deleted",
                    () -> metric(center, deadlineMinute),
                    Optional::isEmpty);

            assertThat(met.get("reported").asInt()).isEqualTo(1);
            assertThat(met.get("responded").asInt()).isEqualTo(1);
            assertThat(met.get("slaBreached").asInt()).isZero();
            assertThat(met.get("responseSecondsMax").asDouble()).isEqualTo(1.0);
        }
    }

    /** The 110 metric document of a minute, if there is one. */
    private static Optional<JsonNode> metric(LiveCommandCenter center, long minute)
            throws Exception {
        return center.documents(DocumentKind.METRIC).values().stream()
                .filter(metric -> metric.get("ts").asText().equals(Times.iso(minute)))
                .filter(metric -> metric.get("source").asText().equals("110"))
                .findFirst();
    }
}
