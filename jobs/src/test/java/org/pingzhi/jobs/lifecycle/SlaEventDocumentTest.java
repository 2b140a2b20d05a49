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
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

class SlaEventDocumentTest {

    private static final IncidentState STATE =
            IncidentFold.fold(
                    "110-J2",
                    List.of(
                            police("J2", "RECEIVED", minutes(0))
                                    .category("PUBLIC_SECURITY", "治安案件")
                                    .town("新仓镇")
                                    .build(),
                            police("J2", "ARRIVED", minutes(13.5)).town("新仓镇").build()));
    private static final SlaOutcome SLA =
            SlaEvaluator.evaluate(STATE.slaInput(), 10 * MINUTE, minutes(30));

    @Test
    void anEventHasTheContractsFieldsAndADeterministicId() throws Exception {
        Document document =
                RenderedDocuments.slaEvent(STATE, SLA, SlaFact.ESCALATED_TOWN, minutes(10), false);

        assertThat(document.kind()).isEqualTo(DocumentKind.SLA_EVENT);
        assertThat(document.id()).isEqualTo("110-J2:ESCALATED:TOWN");
        assertThat(document.eventTime()).isEqualTo(minutes(10));
        assertThat(IncidentDocumentTest.fieldNames(document.json()))
                .containsExactly(
                        "incidentId",
                        "type",
                        "level",
                        "at",
                        "townCode",
                        "category",
                        "sources",
                        "targetSeconds",
                        "elapsedSeconds",
                        "retracted",
                        "retracts");
        assertThat(document.json())
                .isEqualTo(
                        "{\"incidentId\":\"110-J2\",\"type\":\"ESCALATED\",\"level\":\"TOWN\","
                            + "\"at\":\"2026-11-28T02:10:00.000Z\",\"townCode\":\"330482102\","
                            + "\"category\":\"PUBLIC_SECURITY\",\"sources\":[\"110\"],"
                            + "\"targetSeconds\":600,\"elapsedSeconds\":600.0,\"retracted\":false,"
                            + "\"retracts\":null}");
    }

    @Test
    void idsFollowTypeAndLevel() {
        assertThat(RenderedDocuments.slaEvent(STATE, SLA, SlaFact.WARNING, minutes(8), false).id())
                .isEqualTo("110-J2:WARNING");
        assertThat(RenderedDocuments.slaEvent(STATE, SLA, SlaFact.BREACH, minutes(10), false).id())
                .isEqualTo("110-J2:BREACH");
        assertThat(
                        RenderedDocuments.slaEvent(
                                        STATE, SLA, SlaFact.ESCALATED_CITY, minutes(20), false)
                                .id())
                .isEqualTo("110-J2:ESCALATED:CITY");
        assertThat(RenderedDocuments.slaEvent(STATE, SLA, SlaFact.MET, minutes(9), true).id())
                .isEqualTo("110-J2:MET");
        for (SlaFact fact : SlaFact.values()) {
            assertThat(OutputDocuments.slaEvent(STATE, SLA, fact, minutes(1), false).eventId())
                    .isEqualTo(fact.eventId("110-J2"));
        }
    }

    @Test
    void aRetractionNamesTheEventsItWithdraws() throws Exception {
        Document document =
                RenderedDocuments.retraction(
                        STATE, SLA, List.of(SlaFact.BREACH, SlaFact.ESCALATED_TOWN), minutes(9.5));
        JsonNode json = Json.mapper().readTree(document.json());

        assertThat(document.id()).isEqualTo("110-J2:RETRACTED");
        assertThat(json.get("type").asText()).isEqualTo("RETRACTED");
        assertThat(json.get("level").isNull()).isTrue();
        assertThat(json.get("at").asText()).isEqualTo("2026-11-28T02:09:30.000Z");
        assertThat(json.get("elapsedSeconds").asDouble()).isEqualTo(570.0);
        assertThat(json.get("retracts").toString())
                .isEqualTo("[\"110-J2:BREACH\",\"110-J2:ESCALATED:TOWN\"]");
    }
}
