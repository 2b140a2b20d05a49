package org.pingzhi.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.utc;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

class MinuteMetricDocumentTest {

    private static final MetricGroup GROUP = new MetricGroup("330482102", "新仓镇", "12345", "LABOUR");

    @Test
    void aMinuteIsRenderedWithTheContractsFieldsIdAndDailyIndexTime() throws Exception {
        long ts = utc("23:59:00");
        Document document =
                MinuteMetricDocument.render(
                        new MinuteMetric(ts, GROUP, 2, 2, 1, 1, 1_020_501, 700_001L, 5));

        assertThat(document.kind()).isEqualTo(DocumentKind.METRIC);
        assertThat(document.id()).isEqualTo(ts + ":330482102:12345:LABOUR");
        assertThat(document.eventTime()).isEqualTo(ts);
        assertThat(document.deletion()).isFalse();
        JsonNode json = Json.mapper().readTree(document.json());
        assertThat(json.get("ts").asText()).isEqualTo("2026-11-28T23:59:00.000Z");
        assertThat(json.get("townCode").asText()).isEqualTo("330482102");
        assertThat(json.get("town").asText()).isEqualTo("新仓镇");
        assertThat(json.get("source").asText()).isEqualTo("12345");
        assertThat(json.get("category").asText()).isEqualTo("LABOUR");
        assertThat(json.get("reported").asInt()).isEqualTo(2);
        assertThat(json.get("responded").asInt()).isEqualTo(2);
        assertThat(json.get("slaMet").asInt()).isEqualTo(1);
        assertThat(json.get("slaBreached").asInt()).isEqualTo(1);
        assertThat(json.get("responseSecondsSum").decimalValue()).isEqualByComparingTo("1020.501");
        assertThat(json.get("responseSecondsMax").decimalValue()).isEqualByComparingTo("700.001");
        assertThat(json.get("open").asLong()).isEqualTo(5);
    }

    @Test
    void withNoneRespondedTheSumIsZeroAndTheMaximumNull() throws Exception {
        Document document =
                MinuteMetricDocument.render(
                        new MinuteMetric(utc("10:00:00"), GROUP, 1, 0, 0, 0, 0, null, 1));

        JsonNode json = Json.mapper().readTree(document.json());
        assertThat(json.get("responseSecondsSum").asDouble()).isZero();
        assertThat(json.has("responseSecondsMax")).isTrue();
        assertThat(json.get("responseSecondsMax").isNull()).isTrue();
    }

    @Test
    void aMinuteWithOnlyZerosIsADeletion() {
        long ts = utc("10:00:00");
        Document document =
                MinuteMetricDocument.render(new MinuteMetric(ts, GROUP, 0, 0, 0, 0, 0, null, 3));

        assertThat(document)
                .isEqualTo(
                        Document.deletionOf(
                                DocumentKind.METRIC, ts + ":330482102:12345:LABOUR", ts));
    }
}
