package org.pingzhi.dispatch.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDocumentAdapterTest {

    static final String SLA_ALERT =
            "{\"alertId\":\"sla:INC-1:CITY\",\"kind\":\"SLA_ESCALATION\",\"ruleId\":\"sla-escalation\","
                + "\"severity\":\"CRITICAL\",\"level\":\"CITY\",\"townCode\":\"330482001\",\"category\":\"PUBLIC_ORDER\",\"title\":\"【平治110】当湖街道"
                + " 事件超时未到场\",\"message\":\"事件 INC-1 已 20 分钟无人到场。\",\"incidentIds\":[\"INC-1\"],"
                + "\"windowStart\":\"2026-11-28T02:00:00.000Z\",\"windowEnd\":\"2026-11-28T02:20:00.000Z\","
                + "\"count\":1,\"firedAt\":\"2026-11-28T02:20:00.000Z\",\"status\":\"OPEN\","
                + "\"resolvedAt\":null}";

    @Test
    void readsTheFactsOfAnSlaEscalation() {
        AlertNotice notice = AlertDocumentAdapter.fromJson(SLA_ALERT);

        assertThat(notice)
                .isEqualTo(
                        new AlertNotice(
                                "sla:INC-1:CITY",
                                "SLA_ESCALATION",
                                AlertStatus.OPEN,
                                AlertLevel.CITY,
                                Severity.CRITICAL,
                                "330482001",
                                "【平治110】当湖街道 事件超时未到场",
                                "事件 INC-1 已 20 分钟无人到场。",
                                Instant.parse("2026-11-28T02:20:00Z"),
                                null,
                                List.of("INC-1"),
                                1));
    }

    @Test
    void aFeedSilenceHasNoTownAndNoCount() {
        String json =
                "{\"alertId\":\"rule:silence:110:1764295200000\",\"kind\":\"FEED_SILENCE\","
                    + "\"severity\":\"WARNING\",\"level\":\"CITY\",\"townCode\":null,\"title\":\"110"
                    + " 数据中断\",\"message\":\"110 已 15 分钟无数据。\","
                    + "\"incidentIds\":[],\"count\":null,\"firedAt\":\"2026-11-28T02:00:00.000Z\","
                    + "\"status\":\"RESOLVED\",\"resolvedAt\":\"2026-11-28T02:30:00.000Z\"}";

        AlertNotice notice = AlertDocumentAdapter.fromJson(json);

        assertThat(notice.townCode()).isNull();
        assertThat(notice.count()).isNull();
        assertThat(notice.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(notice.resolvedAt()).isEqualTo(Instant.parse("2026-11-28T02:30:00Z"));
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(
                        () ->
                                AlertDocumentAdapter.fromJson(
                                        SLA_ALERT.replace("\"CRITICAL\"", "\"LOUD\"")))
                .isInstanceOf(InvalidAlertException.class)
                .hasMessageContaining("severity")
                .hasMessageContaining("LOUD");
        assertThatThrownBy(
                        () ->
                                AlertDocumentAdapter.fromJson(
                                        SLA_ALERT.replace("\"alertId\":\"sla:INC-1:CITY\",", "")))
                .hasMessageContaining("without alertId");
        assertThatThrownBy(
                        () ->
                                AlertDocumentAdapter.fromJson(
                                        SLA_ALERT.replace(
                                                "2026-11-28T02:20:00.000Z\",\"status",
                                                "yesterday\",\"status")))
                .hasMessageContaining("firedAt");
        assertThatThrownBy(() -> AlertDocumentAdapter.fromJson("[1]"))
                .isInstanceOf(InvalidAlertException.class)
                .hasMessageContaining("Not an alert");
        assertThatThrownBy(() -> AlertDocumentAdapter.fromJson("{"))
                .isInstanceOf(InvalidAlertException.class)
                .hasMessageContaining("Not an alert");
    }
}
