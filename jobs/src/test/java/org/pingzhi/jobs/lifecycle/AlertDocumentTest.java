package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaTimeline;

class AlertDocumentTest {

    private static final IncidentState STATE =
            IncidentFold.fold(
                    "110-J330482202611280010",
                    List.of(
                            police("J330482202611280010", "RECEIVED", minutes(50))
                                    .category("FIRE_SAFETY", "火灾")
                                    .priority(Priority.P1)
                                    .town("当湖街道")
                                    .callerKey("secret-caller-key")
                                    .summary("王某 13905731234 报警")
                                    .build()));
    private static final SlaTimeline TIMELINE = new SlaTimeline(minutes(50), 10 * MINUTE);

    private static JsonNode render(EscalationLevel level, long at, Long resolvedAt)
            throws Exception {
        return Json.mapper()
                .readTree(RenderedDocuments.alert(STATE, TIMELINE, level, at, resolvedAt).json());
    }

    @Test
    void aTownEscalationIsAWarningForTheTownsDutyOfficer() throws Exception {
        Document document =
                RenderedDocuments.alert(STATE, TIMELINE, EscalationLevel.TOWN, minutes(60), null);
        JsonNode json = Json.mapper().readTree(document.json());

        assertThat(document.kind()).isEqualTo(DocumentKind.ALERT);
        assertThat(document.id()).isEqualTo("sla:110-J330482202611280010:TOWN");
        assertThat(document.eventTime()).isEqualTo(minutes(60));
        assertThat(IncidentDocumentTest.fieldNames(document.json()))
                .containsExactly(
                        "alertId",
                        "kind",
                        "ruleId",
                        "severity",
                        "level",
                        "townCode",
                        "category",
                        "title",
                        "message",
                        "incidentIds",
                        "windowStart",
                        "windowEnd",
                        "count",
                        "firedAt",
                        "status",
                        "resolvedAt");
        assertThat(json.get("alertId").asText()).isEqualTo(document.id());
        assertThat(json.get("kind").asText()).isEqualTo("SLA_ESCALATION");
        assertThat(json.get("ruleId").asText()).isEqualTo("sla-escalation");
        assertThat(json.get("severity").asText()).isEqualTo("WARNING");
        assertThat(json.get("level").asText()).isEqualTo("TOWN");
        assertThat(json.get("townCode").asText()).isEqualTo("330482001");
        assertThat(json.get("category").asText()).isEqualTo("FIRE_SAFETY");
        assertThat(json.get("incidentIds").toString()).isEqualTo("[\"110-J330482202611280010\"]");
        assertThat(json.get("windowStart").asText()).isEqualTo("2026-11-28T02:50:00.000Z");
        assertThat(json.get("windowEnd").asText()).isEqualTo("2026-11-28T03:00:00.000Z");
        assertThat(json.get("firedAt").asText()).isEqualTo("2026-11-28T03:00:00.000Z");
        assertThat(json.get("count").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("OPEN");
        assertThat(json.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void theTextsAreChineseAndReadyToSend() throws Exception {
        JsonNode json = render(EscalationLevel.TOWN, minutes(60), null);

        assertThat(json.get("title").asText()).isEqualTo("【平治110】当湖街道 事件超时未到场");
        assertThat(json.get("message").asText())
                .isEqualTo(
                        "事件 110-J330482202611280010(消防安全,P1)于 2026-11-28 10:50:00 在当湖街道接报,"
                                + "已 10 分钟无人到场。已超过 10 分钟响应时限,升级至当湖街道值班员,请立即督办。");
    }

    @Test
    void aCityEscalationIsCriticalForTheCommandCenter() throws Exception {
        JsonNode json = render(EscalationLevel.CITY, minutes(70), null);

        assertThat(json.get("alertId").asText()).isEqualTo("sla:110-J330482202611280010:CITY");
        assertThat(json.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.get("title").asText()).isEqualTo("【平治110】当湖街道 事件超时未到场(已升级市指挥中心)");
        assertThat(json.get("message").asText()).contains("已 20 分钟无人到场", "市指挥中心");
    }

    @Test
    void aResolvedAlertSaysWhen() throws Exception {
        JsonNode json = render(EscalationLevel.TOWN, minutes(60), minutes(65));

        assertThat(json.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(json.get("resolvedAt").asText()).isEqualTo("2026-11-28T03:05:00.000Z");
    }

    @Test
    void noCallerDataReachesAnAlert() {
        String json =
                RenderedDocuments.alert(STATE, TIMELINE, EscalationLevel.CITY, minutes(70), null)
                        .json();

        assertThat(json)
                .doesNotContain("secret-caller-key", "13905731234", "王某", "callerKey", "summary");
    }

    @Test
    void minutesAreWholeOrWithOneDecimal() {
        assertThat(AlertTexts.minutes(10 * MINUTE)).isEqualTo("10");
        assertThat(AlertTexts.minutes(7 * MINUTE + 30_000)).isEqualTo("7.5");
    }
}
