package org.pingzhi.common.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.testing.ContractFiles;

class AlertDocumentTest {

    private static final AlertDocument ALERT =
            new AlertDocument(
                    AlertDocument.slaAlertId("110-J330482202611280010", "CITY"),
                    AlertDocument.SLA_ESCALATION_KIND,
                    AlertDocument.SLA_ESCALATION_RULE_ID,
                    null,
                    "CRITICAL",
                    "CITY",
                    "330482001",
                    "FIRE_SAFETY",
                    "【平治110】当湖街道 事件超时未到场(已升级市指挥中心)",
                    "事件 110-J330482202611280010(火灾,P1)…",
                    List.of("110-J330482202611280010"),
                    "2026-11-28T02:50:00.000Z",
                    "2026-11-28T03:10:00.000Z",
                    1L,
                    "2026-11-28T03:10:00.000Z",
                    AlertStatus.RESOLVED.name(),
                    "2026-11-28T03:12:00.000Z");

    @Test
    void rendersEveryContractFieldAndParsesBackToTheSameAlert() throws Exception {
        Document document = ALERT.render(1_000L);
        JsonNode json = Json.mapper().readTree(document.json());

        assertThat(document.kind()).isEqualTo(DocumentKind.ALERT);
        assertThat(document.id()).isEqualTo("sla:110-J330482202611280010:CITY");
        assertThat(document.eventTime()).isEqualTo(1_000L);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsAll(contractAlertFields()).contains("resolvedAt");
        assertThat(AlertDocument.parse(document.json())).isEqualTo(ALERT);
    }

    @Test
    void anSlaAlertRendersTheBytesItRenderedBeforeRulesSharedItsType() {
        assertThat(ALERT.render(0).json())
                .isEqualTo(
                        "{\"alertId\":\"sla:110-J330482202611280010:CITY\",\"kind\":\"SLA_ESCALATION\","
                            + "\"ruleId\":\"sla-escalation\",\"severity\":\"CRITICAL\",\"level\":\"CITY\","
                            + "\"townCode\":\"330482001\",\"category\":\"FIRE_SAFETY\",\"title\":\"【平治110】当湖街道"
                            + " 事件超时未到场(已升级市指挥中心)\",\"message\":\"事件"
                            + " 110-J330482202611280010(火灾,P1)…\","
                            + "\"incidentIds\":[\"110-J330482202611280010\"],"
                            + "\"windowStart\":\"2026-11-28T02:50:00.000Z\","
                            + "\"windowEnd\":\"2026-11-28T03:10:00.000Z\",\"count\":1,"
                            + "\"firedAt\":\"2026-11-28T03:10:00.000Z\",\"status\":\"RESOLVED\","
                            + "\"resolvedAt\":\"2026-11-28T03:12:00.000Z\"}");
    }

    @Test
    void aTextThatIsNoAlertIsRefusedClearly() {
        assertThatThrownBy(() -> AlertDocument.parse("{\"kind\":\"x\",\"incidentIds\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alertId");
        assertThatThrownBy(() -> AlertDocument.parse("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not an alert");
    }

    @Test
    void theFingerprintFollowsEveryRenderedField() {
        AlertDocument open = withStatus(AlertStatus.OPEN, null);

        assertThat(ALERT.fingerprint())
                .isEqualTo(AlertDocument.parse(ALERT.render(0).json()).fingerprint());
        assertThat(open.fingerprint()).isNotEqualTo(ALERT.fingerprint());
    }

    @Test
    void anAcknowledgedOpenAlertShowsAckedWithWhoAndWhenAndAResolvedOneStaysResolved() {
        AlertDocument open = withStatus(AlertStatus.OPEN, null);

        AlertDocument acked = open.acknowledged("city-day", "2026-11-28T03:11:00.000Z");
        AlertDocument resolved =
                withStatus(AlertStatus.RESOLVED, "2026-11-28T03:12:00.000Z")
                        .acknowledged("city-day", "2026-11-28T03:11:00.000Z");

        assertThat(acked.status()).isEqualTo("ACKED");
        assertThat(acked.render(0).json())
                .endsWith(
                        "\"status\":\"ACKED\",\"resolvedAt\":null,\"ackedBy\":\"city-day\","
                                + "\"ackedAt\":\"2026-11-28T03:11:00.000Z\"}");
        assertThat(AlertDocument.parse(acked.render(0).json())).isEqualTo(acked);
        assertThat(acked.fingerprint()).isNotEqualTo(open.fingerprint());
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.ackedBy()).isEqualTo("city-day");
        assertThat(resolved.ackedAt()).isEqualTo("2026-11-28T03:11:00.000Z");
    }

    private static AlertDocument withStatus(AlertStatus status, String resolvedAt) {
        return new AlertDocument(
                ALERT.alertId(),
                ALERT.kind(),
                ALERT.ruleId(),
                ALERT.ruleVersion(),
                ALERT.severity(),
                ALERT.level(),
                ALERT.townCode(),
                ALERT.category(),
                ALERT.title(),
                ALERT.message(),
                ALERT.incidentIds(),
                ALERT.windowStart(),
                ALERT.windowEnd(),
                ALERT.count(),
                ALERT.firedAt(),
                status.name(),
                resolvedAt);
    }

    /** The backquoted names of the contract's "Alert fields:" paragraph. */
    private static List<String> contractAlertFields() throws IOException {
        String readme = Files.readString(ContractFiles.directory().resolve("README.md"));
        int start = readme.indexOf("Alert fields:");
        assertThat(start).as("the contract lists the alert fields").isNotNegative();
        String paragraph = readme.substring(start, readme.indexOf("\n\n", start));
        List<String> fields = new ArrayList<>();
        Matcher names = Pattern.compile("`([A-Za-z]+)`").matcher(paragraph);
        while (names.find()) {
            fields.add(names.group(1));
        }
        assertThat(fields).contains("alertId", "incidentIds", "status");
        return fields;
    }
}
