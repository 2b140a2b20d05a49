package org.pingzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.RawRecord;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.normalize.NormalizeResult;
import org.pingzhi.common.normalize.Normalizer;

class LatencyIncidentTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void spreadsTheReportsEvenlyAndEachDeadlineIsTheTargetLater() {
        List<LatencyIncident> plan =
                LatencyIncident.plan(
                        4,
                        START,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30),
                        List.of("当湖街道", "新仓镇"));

        assertThat(plan)
                .extracting(LatencyIncident::reportedAt)
                .containsExactly(
                        START,
                        START.plusMillis(500),
                        START.plusMillis(1000),
                        START.plusMillis(1500));
        assertThat(plan)
                .allSatisfy(
                        incident ->
                                assertThat(incident.deadline())
                                        .isEqualTo(incident.reportedAt().plusSeconds(30)));
        assertThat(plan)
                .extracting(LatencyIncident::town)
                .containsExactly("当湖街道", "新仓镇", "当湖街道", "新仓镇");
        assertThat(plan).extracting(LatencyIncident::orderId).doesNotHaveDuplicates();
    }

    @Test
    void theCreateRecordMeetsTheContractAndStartsTheClockAtItsReport() {
        LatencyIncident incident =
                LatencyIncident.plan(
                                1,
                                START,
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(30),
                                List.of("新仓镇"))
                        .get(0);
        byte[] value = incident.createRecord().getBytes(StandardCharsets.UTF_8);

        NormalizeResult result =
                Normalizer.fromConfiguration(new Configuration())
                        .normalize(
                                Source.HOTLINE_12345,
                                new RawRecord("hotline-12345", 0, 0, value, value.length, ""));

        assertThat(result).isInstanceOf(NormalizeResult.Accepted.class);
        var event = ((NormalizeResult.Accepted) result).event();
        assertThat(event.incidentId()).isEqualTo(incident.incidentId());
        assertThat(event.eventTime()).isEqualTo(START.toEpochMilli());
    }
}
