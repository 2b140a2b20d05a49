package org.pingzhi.jobs.sink.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

class DocumentElementConverterTest {

    private static final long EVENT_TIME = Times.parseIso("2026-11-28T02:15:30.000Z");

    @ParameterizedTest
    @CsvSource({
        "INCIDENT, pingzhi-incidents",
        "SLA_EVENT, pingzhi-sla-events",
        "ALERT, pingzhi-alerts",
        "DEAD_LETTER, pingzhi-deadletter",
        "METRIC, pingzhi-metrics-2026.11.28"
    })
    void each_kind_goes_to_its_contract_index(DocumentKind kind, String index) {
        ElasticsearchRequestEntry entry =
                new DocumentElementConverter("pingzhi-")
                        .apply(new Document(kind, "id-1", "{}", EVENT_TIME), null);

        assertThat(entry.index()).isEqualTo(index);
    }

    @Test
    void the_id_and_the_json_are_the_documents_and_the_json_is_utf8() {
        String json = "{\"incidentId\":\"110-A1\",\"summary\":\"独山港镇 噪音扰民\"}";

        ElasticsearchRequestEntry entry =
                new DocumentElementConverter("pingzhi-")
                        .apply(
                                new Document(DocumentKind.INCIDENT, "110-A1", json, EVENT_TIME),
                                null);

        assertThat(entry.id()).isEqualTo("110-A1");
        assertThat(entry.source()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(entry.failedAttempts()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-28T23:59:59.999Z, test-metrics-2026.11.28",
        "2026-11-29T00:00:00.000Z, test-metrics-2026.11.29",
        // 07:59 in Pinghu (UTC+8) on the 29th is still the 28th in UTC: indices follow UTC days
        "2026-11-28T23:59:00.000Z, test-metrics-2026.11.28",
        "2027-01-01T00:00:00.000Z, test-metrics-2027.01.01"
    })
    void metrics_go_to_the_utc_day_of_their_event_time(String eventTime, String index) {
        ElasticsearchRequestEntry entry =
                new DocumentElementConverter("test-")
                        .apply(
                                new Document(
                                        DocumentKind.METRIC, "m", "{}", Times.parseIso(eventTime)),
                                null);

        assertThat(entry.index()).isEqualTo(index);
    }

    @Test
    void index_patterns_cover_every_index_of_a_kind() {
        assertThat(IndexNames.pattern("pingzhi-", DocumentKind.METRIC))
                .isEqualTo("pingzhi-metrics-*");
        assertThat(IndexNames.pattern("x-", DocumentKind.INCIDENT)).isEqualTo("x-incidents");
    }
}
