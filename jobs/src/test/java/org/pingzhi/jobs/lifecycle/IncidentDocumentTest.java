package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.common.model.Priority;
import org.pingzhi.jobs.sla.SlaEvaluator;

class IncidentDocumentTest {

    private static final long TARGET = 10 * MINUTE;

    static List<String> fieldNames(String json) throws Exception {
        List<String> names = new ArrayList<>();
        Json.mapper().readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Document render(IncidentState state, long now) {
        return RenderedDocuments.incident(
                state, SlaEvaluator.evaluate(state.slaInput(), TARGET, now));
    }

    private static final IncidentState HANDED_OVER =
            IncidentFold.fold(
                    "110-J4",
                    List.of(
                            police("J4", "RECEIVED", minutes(0))
                                    .category("PUBLIC_SERVICE", "群众求助")
                                    .priority(Priority.P3)
                                    .town("钟埭街道")
                                    .location(30.733, 121.055)
                                    .callerKey("c0ffee")
                                    .summary("路灯损坏,电话1**********")
                                    .build(),
                            police("J4", "TRANSFERRED_12345", minutes(2)).town("钟埭街道").build(),
                            hotline("PH4", "ASSIGN", minutes(4))
                                    .linkedTo("J4")
                                    .town("钟埭街道")
                                    .unit("钟埭街道民声一键办服务队")
                                    .build(),
                            hotline("PH4", "ARRIVE", minutes(16) + 123)
                                    .linkedTo("J4")
                                    .town("钟埭街道")
                                    .build()));

    @Test
    void theDocumentHasTheContractsFieldsInItsOrderThenTheAdditions() throws Exception {
        Document document = render(HANDED_OVER, minutes(30));

        assertThat(fieldNames(document.json()))
                .containsExactly(
                        "incidentId",
                        "sources",
                        "alarmId",
                        "orderId",
                        "category",
                        "rawCategory",
                        "priority",
                        "townCode",
                        "town",
                        "village",
                        "location",
                        "status",
                        "reportedAt",
                        "dispatchedAt",
                        "acceptedAt",
                        "onSceneAt",
                        "resolvedAt",
                        "closedAt",
                        "slaTargetSeconds",
                        "slaDeadline",
                        "slaStatus",
                        "responseSeconds",
                        "escalationLevel",
                        "callerKey",
                        "summary",
                        "updatedAt",
                        "cancelledAt",
                        "respondedAt",
                        "slaWarnAt",
                        "unit",
                        "gridCode");
        assertThat(document.kind()).isEqualTo(DocumentKind.INCIDENT);
        assertThat(document.id()).isEqualTo("110-J4");
    }

    @Test
    void theDocumentSaysWhatTheStateAndSlaSay() throws Exception {
        JsonNode json = Json.mapper().readTree(render(HANDED_OVER, minutes(30)).json());

        assertThat(json.get("sources").toString()).isEqualTo("[\"110\",\"12345\"]");
        assertThat(json.get("alarmId").asText()).isEqualTo("J4");
        assertThat(json.get("orderId").asText()).isEqualTo("PH4");
        assertThat(json.get("category").asText()).isEqualTo("PUBLIC_SERVICE");
        assertThat(json.get("priority").asText()).isEqualTo("P3");
        assertThat(json.get("townCode").asText()).isEqualTo("330482002");
        assertThat(json.get("location").toString()).isEqualTo("{\"lat\":30.733,\"lon\":121.055}");
        assertThat(json.get("status").asText()).isEqualTo("ON_SCENE");
        assertThat(json.get("reportedAt").asText()).isEqualTo("2026-11-28T02:00:00.000Z");
        assertThat(json.get("dispatchedAt").asText()).isEqualTo("2026-11-28T02:02:00.000Z");
        assertThat(json.get("onSceneAt").asText()).isEqualTo("2026-11-28T02:16:00.123Z");
        assertThat(json.get("slaTargetSeconds").asLong()).isEqualTo(600);
        assertThat(json.get("slaDeadline").asText()).isEqualTo("2026-11-28T02:10:00.000Z");
        assertThat(json.get("slaWarnAt").asText()).isEqualTo("2026-11-28T02:08:00.000Z");
        assertThat(json.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(json.get("responseSeconds").asDouble()).isEqualTo(960.123);
        assertThat(json.get("escalationLevel").asText()).isEqualTo("TOWN");
        assertThat(json.get("callerKey").asText()).isEqualTo("c0ffee");
        assertThat(json.get("unit").asText()).isEqualTo("钟埭街道民声一键办服务队");
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-28T02:16:00.123Z");
    }

    @Test
    void unknownFieldsAreWrittenAsNull() throws Exception {
        IncidentState bare =
                IncidentFold.fold(
                        "12345-PH1", List.of(hotline("PH1", "CREATE", minutes(0)).build()));
        JsonNode json = Json.mapper().readTree(render(bare, Long.MIN_VALUE).json());

        for (String field :
                List.of(
                        "alarmId",
                        "rawCategory",
                        "village",
                        "location",
                        "dispatchedAt",
                        "onSceneAt",
                        "responseSeconds",
                        "callerKey",
                        "summary",
                        "cancelledAt",
                        "unit")) {
            assertThat(json.get(field)).as(field).isNotNull();
            assertThat(json.get(field).isNull()).as(field).isTrue();
        }
        assertThat(json.get("slaStatus").asText()).isEqualTo("PENDING");
        assertThat(json.get("escalationLevel").asText()).isEqualTo("NONE");
    }

    @Test
    void updatedAtIsTheLatestEventTimeThatChangedTheDocumentNeverTheWallClock() {
        IncidentState unresponded =
                IncidentFold.fold("110-J2", List.of(police("J2", "RECEIVED", minutes(0)).build()));

        assertThat(render(unresponded, minutes(5)).eventTime()).isEqualTo(minutes(0));
        assertThat(render(unresponded, minutes(10)).eventTime())
                .as("breached")
                .isEqualTo(minutes(10));
        assertThat(render(unresponded, minutes(25)).eventTime())
                .as("escalated to CITY")
                .isEqualTo(minutes(20));
        assertThat(render(unresponded, minutes(25))).isEqualTo(render(unresponded, minutes(25)));
    }
}
