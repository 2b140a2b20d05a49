package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.LifecycleHarness.ids;
import static org.pingzhi.jobs.lifecycle.LifecycleHarness.json;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaFact;

class EmissionPlannerTest {

    private final EmittedOutputs emitted = new EmittedOutputs();
    private final List<UnifiedEvent> records = new ArrayList<>();

    private List<Document> plan(long now, UnifiedEvent... arriving) {
        records.addAll(List.of(arriving));
        IncidentState state = IncidentFold.fold("110-J1", records);
        return EmissionPlanner.plan(
                        state, SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, now), emitted)
                .stream()
                .map(IncidentChange::render)
                .toList();
    }

    private static Document find(List<Document> documents, String kindAndId) {
        return documents.stream()
                .filter(document -> (document.kind() + "/" + document.id()).equals(kindAndId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kindAndId + " in " + ids(documents)));
    }

    @Test
    void theSameStatePlannedTwiceEmitsNothingTheSecondTime() {
        assertThat(ids(plan(minutes(25), police("J1", "RECEIVED", minutes(0)).build())))
                .containsExactly(
                        "SLA_EVENT/110-J1:WARNING",
                        "SLA_EVENT/110-J1:BREACH",
                        "SLA_EVENT/110-J1:ESCALATED:TOWN",
                        "ALERT/sla:110-J1:TOWN",
                        "SLA_EVENT/110-J1:ESCALATED:CITY",
                        "ALERT/sla:110-J1:CITY",
                        "INCIDENT/110-J1");

        assertThat(plan(minutes(25))).isEmpty();
    }

    @Test
    void aWarningSaysWhatTheIncidentIsOnceAHandoverJoinedIt() {
        List<Document> warned = plan(minutes(9), police("J1", "RECEIVED", minutes(0)).build());
        assertThat(find(warned, "SLA_EVENT/110-J1:WARNING").json())
                .contains("\"sources\":[\"110\"]");

        List<Document> handedOver =
                plan(minutes(9.5), hotline("PH1", "CREATE", minutes(9.2)).linkedTo("J1").build());

        // the same warning, at the instant it was first given, as the incident now stands
        assertThat(find(handedOver, "SLA_EVENT/110-J1:WARNING").json())
                .contains("\"sources\":[\"110\",\"12345\"]")
                .contains("\"at\":\"2026-11-28T02:08:00.000Z\"");
        assertThat(plan(minutes(9.6))).isEmpty();
    }

    @Test
    void anEarlierCancellationWithdrawsMetAndAnEarlierResponseBringsItBack() {
        plan(
                minutes(30),
                police("J1", "RECEIVED", minutes(0)).build(),
                police("J1", "ARRIVED", minutes(7)).build());

        List<Document> voided = plan(minutes(30), police("J1", "CANCELLED", minutes(5)).build());

        assertThat(ids(voided))
                .containsExactly(
                        "SLA_EVENT/110-J1:MET", "SLA_EVENT/110-J1:RETRACTED", "INCIDENT/110-J1");
        assertThat(json(find(voided, "SLA_EVENT/110-J1:MET")).get("retracted").asBoolean())
                .isTrue();
        assertThat(json(find(voided, "INCIDENT/110-J1")).get("slaStatus").asText())
                .isEqualTo("VOID");

        List<Document> metAgain = plan(minutes(30), police("J1", "FINISHED", minutes(4)).build());

        assertThat(json(find(metAgain, "SLA_EVENT/110-J1:MET")).get("retracted").asBoolean())
                .isFalse();
        assertThat(json(find(metAgain, "SLA_EVENT/110-J1:MET")).get("at").asText())
                .isEqualTo("2026-11-28T02:04:00.000Z");
    }

    @Test
    void anEarlierResponseMovesTheMetEvent() {
        plan(
                minutes(30),
                police("J1", "RECEIVED", minutes(0)).build(),
                police("J1", "ARRIVED", minutes(7)).build());

        List<Document> out = plan(minutes(30), police("J1", "ARRIVED", minutes(6)).build());

        assertThat(ids(out)).containsExactly("SLA_EVENT/110-J1:MET", "INCIDENT/110-J1");
        assertThat(find(out, "SLA_EVENT/110-J1:MET").eventTime()).isEqualTo(minutes(6));
    }

    @Test
    void aLateReportThatStartsTheClockEarlierMovesTheBreachWithoutRetractingIt() {
        plan(minutes(11.5), police("J1", "DISPATCHED", minutes(1)).build());
        assertThat(emitted.lastAt(SlaFact.BREACH)).isEqualTo(minutes(11));

        List<Document> out = plan(minutes(11.5), police("J1", "RECEIVED", minutes(0)).build());

        assertThat(ids(out)).doesNotContain("SLA_EVENT/110-J1:RETRACTED");
        assertThat(find(out, "SLA_EVENT/110-J1:BREACH").eventTime()).isEqualTo(minutes(10));
        assertThat(find(out, "ALERT/sla:110-J1:TOWN").eventTime()).isEqualTo(minutes(10));
    }

    @Test
    void aLateReportThatStartsTheClockLaterRetractsABreachThatNoLongerHolds() {
        plan(minutes(10.5), police("J1", "DISPATCHED", minutes(0)).build());

        List<Document> out = plan(minutes(10.5), police("J1", "RECEIVED", minutes(2)).build());

        assertThat(ids(out)).contains("SLA_EVENT/110-J1:RETRACTED");
        assertThat(find(out, "SLA_EVENT/110-J1:RETRACTED").eventTime())
                .as("the withdrawn step")
                .isEqualTo(minutes(10));
        assertThat(json(find(out, "ALERT/sla:110-J1:TOWN")).get("status").asText())
                .isEqualTo("RESOLVED");
        assertThat(json(find(out, "INCIDENT/110-J1")).get("slaStatus").asText())
                .isEqualTo("PENDING");
    }
}
