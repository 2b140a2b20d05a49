package org.pingzhi.jobs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.LifecycleHarness.ids;
import static org.pingzhi.jobs.lifecycle.LifecycleHarness.json;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.T0;
import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.ReasonCode;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.jobs.sla.SlaPolicy;

class IncidentLifecycleFunctionTest {

    private static final String ID = "110-J1";
    private static final long WARN_AT = minutes(8);
    private static final long DEADLINE = minutes(10);
    private static final long CITY_AT = minutes(20);

    private LifecycleHarness harness;

    private LifecycleHarness open(LifecycleSettings settings) throws Exception {
        harness = new LifecycleHarness(settings);
        return harness;
    }

    private LifecycleHarness live() throws Exception {
        return open(LifecycleSettings.live());
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    private static UnifiedEvent received() {
        return police("J1", "RECEIVED", T0).category("DISPUTE", "纠纷").priority(Priority.P2).build();
    }

    private static UnifiedEvent arrived(long at) {
        return police("J1", "ARRIVED", at).unit("巡逻一组").build();
    }

    private static JsonNode only(List<Document> documents, String kindAndId) {
        List<Document> matching =
                documents.stream()
                        .filter(
                                document ->
                                        (document.kind() + "/" + document.id()).equals(kindAndId))
                        .toList();
        assertThat(matching).as(kindAndId).hasSize(1);
        return json(matching.get(0));
    }

    @Test
    void aRecordEmitsItsIncidentAtTheNextWatermark() throws Exception {
        List<Document> out = live().send(received()).drain();

        assertThat(ids(out)).containsExactly("INCIDENT/110-J1");
        JsonNode incident = json(out.get(0));
        assertThat(incident.get("status").asText()).isEqualTo("REPORTED");
        assertThat(incident.get("slaStatus").asText()).isEqualTo("PENDING");
        assertThat(harness.timers()).as("the warning timer").isEqualTo(1);
    }

    @Test
    void inAReplayRecordsThatComeBeforeTheWatermarkMovesAreJudgedTogether() throws Exception {
        open(LifecycleSettings.replay(minutes(600))).watermark(minutes(2));

        List<Document> none =
                harness.sendTogether(
                                received(),
                                arrived(minutes(8)),
                                police("J1", "CANCELLED", minutes(5)).build())
                        .drain();
        List<Document> reported = harness.watermark(minutes(3)).drain();
        List<Document> cancelled = harness.watermark(minutes(10)).drain();

        assertThat(none).as("nothing before the watermark moves").isEmpty();
        assertThat(ids(reported)).containsExactly("INCIDENT/110-J1");
        assertThat(json(reported.get(0)).get("status").asText())
                .as("the cancellation and the arrival are still ahead of event time")
                .isEqualTo("REPORTED");
        assertThat(ids(cancelled))
                .as("no MET emitted and withdrawn: the cancellation came before the arrival")
                .containsExactly("INCIDENT/110-J1");
        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("VOID");
    }

    @Test
    void inAReplayARecordCountsOnlyOnceEventTimeReachesIt() throws Exception {
        open(LifecycleSettings.replay(minutes(600))).watermark(minutes(2));

        harness.sendTogether(received(), arrived(minutes(8)));
        List<Document> beforeTheArrival = harness.watermark(minutes(7)).drain();
        List<Document> atTheArrival = harness.watermark(minutes(8)).drain();

        assertThat(ids(beforeTheArrival))
                .as("a replay does not know at 7 min what happens at 8 min")
                .containsExactly("INCIDENT/110-J1");
        assertThat(json(beforeTheArrival.get(0)).get("slaStatus").asText()).isEqualTo("PENDING");
        assertThat(ids(atTheArrival)).containsExactly("SLA_EVENT/110-J1:MET", "INCIDENT/110-J1");
        assertThat(harness.incident(ID).get("status").asText()).isEqualTo("ON_SCENE");
    }

    @Test
    void aResponseJustBeforeTheDeadlineMeetsIt() throws Exception {
        live().send(received()).watermark(WARN_AT).drain();

        List<Document> out = harness.send(arrived(DEADLINE - 1)).watermark(minutes(60)).drain();

        assertThat(ids(out)).containsExactly("SLA_EVENT/110-J1:MET", "INCIDENT/110-J1");
        assertThat(only(out, "SLA_EVENT/110-J1:MET").get("at").asText())
                .isEqualTo("2026-11-28T02:09:59.999Z");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("MET");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(599.999);
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("NONE");
    }

    @Test
    void aResponseExactlyAtTheDeadlineMeetsIt() throws Exception {
        live().send(received(), arrived(DEADLINE)).watermark(minutes(60));

        assertThat(harness.latest())
                .doesNotContainKeys("SLA_EVENT/110-J1:BREACH", "ALERT/sla:110-J1:TOWN");
        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("MET");
        assertThat(harness.incident(ID).get("responseSeconds").asDouble()).isEqualTo(600.0);
    }

    @Test
    void aResponseJustAfterTheDeadlineComesAfterTheBreachAndLeavesIt() throws Exception {
        live().send(received()).drain();
        List<Document> atDeadline = harness.watermark(DEADLINE).drain();

        assertThat(ids(atDeadline))
                .containsExactly(
                        "SLA_EVENT/110-J1:WARNING",
                        "SLA_EVENT/110-J1:BREACH",
                        "SLA_EVENT/110-J1:ESCALATED:TOWN",
                        "ALERT/sla:110-J1:TOWN",
                        "INCIDENT/110-J1");
        assertThat(only(atDeadline, "SLA_EVENT/110-J1:BREACH").get("at").asText())
                .isEqualTo("2026-11-28T02:10:00.000Z");
        assertThat(only(atDeadline, "ALERT/sla:110-J1:TOWN").get("status").asText())
                .isEqualTo("OPEN");

        List<Document> afterResponse = harness.send(arrived(DEADLINE + 1)).drain();

        assertThat(ids(afterResponse)).containsExactly("ALERT/sla:110-J1:TOWN", "INCIDENT/110-J1");
        JsonNode alert = only(afterResponse, "ALERT/sla:110-J1:TOWN");
        assertThat(alert.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(alert.get("resolvedAt").asText()).isEqualTo("2026-11-28T02:10:00.001Z");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(600.001);
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("TOWN");
    }

    @Test
    void theWarningComesOnceAtEightyPercent() throws Exception {
        live().send(received()).drain();
        assertThat(ids(harness.watermark(WARN_AT - 1).drain())).isEmpty();

        List<Document> out = harness.watermark(WARN_AT).drain();

        assertThat(ids(out)).containsExactly("SLA_EVENT/110-J1:WARNING");
        JsonNode warning = json(out.get(0));
        assertThat(warning.get("at").asText()).isEqualTo("2026-11-28T02:08:00.000Z");
        assertThat(warning.get("elapsedSeconds").asDouble()).isEqualTo(480.0);
        assertThat(out.get(0).eventTime()).isEqualTo(WARN_AT);
        harness.send(arrived(minutes(9))).watermark(minutes(60));
        assertThat(harness.drain()).extracting(Document::id).doesNotContain("110-J1:WARNING");
    }

    @Test
    void aBreachStaysWhenTheResponseComesLate() throws Exception {
        live().send(received()).watermark(minutes(14)).drain();

        harness.send(arrived(minutes(13.5))).watermark(minutes(60));

        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(810.0);
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("TOWN");
        assertThat(harness.latest())
                .doesNotContainKeys("SLA_EVENT/110-J1:RETRACTED", "SLA_EVENT/110-J1:MET");
    }

    @Test
    void aLateOnSceneRecordAtOrBeforeTheDeadlineRetractsTheBreachAndItsEscalations()
            throws Exception {
        live().send(received()).watermark(CITY_AT).drain();
        assertThat(harness.incident(ID).get("escalationLevel").asText()).isEqualTo("CITY");

        List<Document> out = harness.send(arrived(DEADLINE)).drain();

        assertThat(ids(out))
                .containsExactly(
                        "SLA_EVENT/110-J1:BREACH",
                        "SLA_EVENT/110-J1:ESCALATED:TOWN",
                        "ALERT/sla:110-J1:TOWN",
                        "SLA_EVENT/110-J1:ESCALATED:CITY",
                        "ALERT/sla:110-J1:CITY",
                        "SLA_EVENT/110-J1:MET",
                        "SLA_EVENT/110-J1:RETRACTED",
                        "INCIDENT/110-J1");
        for (String withdrawn : List.of("BREACH", "ESCALATED:TOWN", "ESCALATED:CITY")) {
            assertThat(only(out, "SLA_EVENT/110-J1:" + withdrawn).get("retracted").asBoolean())
                    .as(withdrawn)
                    .isTrue();
        }
        JsonNode retracted = only(out, "SLA_EVENT/110-J1:RETRACTED");
        assertThat(retracted.get("at").asText()).isEqualTo("2026-11-28T02:10:00.000Z");
        assertThat(retracted.get("retracts").toString())
                .isEqualTo(
                        "[\"110-J1:BREACH\",\"110-J1:ESCALATED:TOWN\",\"110-J1:ESCALATED:CITY\"]");
        for (String level : List.of("TOWN", "CITY")) {
            JsonNode alert = only(out, "ALERT/sla:110-J1:" + level);
            assertThat(alert.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(alert.get("resolvedAt").asText()).isEqualTo("2026-11-28T02:10:00.000Z");
        }
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("MET");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(600.0);
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("NONE");
        assertThat(harness.latest().get("SLA_EVENT/110-J1:WARNING"))
                .as("never retracted")
                .isNotNull();
    }

    @Test
    void aLateRecordThatProvesOnlyTheCityStepWrongWithdrawsThatStepAlone() throws Exception {
        live().send(received()).watermark(minutes(25)).drain();

        List<Document> out = harness.send(arrived(minutes(15))).drain();

        assertThat(ids(out))
                .containsExactly(
                        "ALERT/sla:110-J1:TOWN",
                        "SLA_EVENT/110-J1:ESCALATED:CITY",
                        "ALERT/sla:110-J1:CITY",
                        "SLA_EVENT/110-J1:RETRACTED",
                        "INCIDENT/110-J1");
        assertThat(only(out, "SLA_EVENT/110-J1:RETRACTED").get("retracts").toString())
                .isEqualTo("[\"110-J1:ESCALATED:CITY\"]");
        assertThat(only(out, "ALERT/sla:110-J1:TOWN").get("status").asText())
                .as("responded")
                .isEqualTo("RESOLVED");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("TOWN");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(900.0);
        assertThat(
                        json(harness.latest().get("SLA_EVENT/110-J1:BREACH"))
                                .get("retracted")
                                .asBoolean())
                .isFalse();
    }

    @Test
    void aCancellationBeforeTheDeadlineVoidsTheSla() throws Exception {
        List<Document> out =
                live().send(received(), police("J1", "CANCELLED", minutes(3)).build())
                        .watermark(minutes(60))
                        .drain();

        assertThat(ids(out)).containsOnly("INCIDENT/110-J1");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(incident.get("slaStatus").asText()).isEqualTo("VOID");
        assertThat(incident.get("responseSeconds").isNull()).isTrue();
        assertThat(incident.get("cancelledAt").asText()).isEqualTo("2026-11-28T02:03:00.000Z");
    }

    @Test
    void aLateCancellationAtOrBeforeTheDeadlineRetractsTheBreachAndVoidsIt() throws Exception {
        live().send(received()).watermark(minutes(12)).drain();

        List<Document> out = harness.send(police("J1", "CANCELLED", minutes(9)).build()).drain();

        assertThat(ids(out)).contains("SLA_EVENT/110-J1:RETRACTED", "ALERT/sla:110-J1:TOWN");
        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("VOID");
        assertThat(harness.incident(ID).get("escalationLevel").asText()).isEqualTo("NONE");
    }

    @Test
    void aCancellationAfterTheDeadlineKeepsTheBreachAndStopsTheLadder() throws Exception {
        live().send(received()).watermark(minutes(12)).drain();

        List<Document> out =
                harness.send(police("J1", "CANCELLED", minutes(15)).build())
                        .watermark(minutes(60))
                        .drain();

        assertThat(ids(out)).containsExactly("ALERT/sla:110-J1:TOWN", "INCIDENT/110-J1");
        assertThat(only(out, "ALERT/sla:110-J1:TOWN").get("resolvedAt").asText())
                .isEqualTo("2026-11-28T02:15:00.000Z");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("TOWN");
        assertThat(incident.get("responseSeconds").isNull()).isTrue();
    }

    @Test
    void anUnrespondedIncidentEscalatesToItsTownThenToTheCity() throws Exception {
        List<Document> town = live().send(received()).watermark(CITY_AT - 1).drain();

        assertThat(only(town, "ALERT/sla:110-J1:TOWN").get("severity").asText())
                .isEqualTo("WARNING");
        assertThat(harness.incident(ID).get("escalationLevel").asText()).isEqualTo("TOWN");

        List<Document> city = harness.watermark(CITY_AT).drain();

        assertThat(ids(city))
                .containsExactly(
                        "SLA_EVENT/110-J1:ESCALATED:CITY",
                        "ALERT/sla:110-J1:CITY",
                        "INCIDENT/110-J1");
        JsonNode alert = only(city, "ALERT/sla:110-J1:CITY");
        assertThat(alert.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alert.get("status").asText()).isEqualTo("OPEN");
        assertThat(alert.get("firedAt").asText()).isEqualTo("2026-11-28T02:20:00.000Z");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("CITY");
        assertThat(incident.get("updatedAt").asText()).isEqualTo("2026-11-28T02:20:00.000Z");
        assertThat(harness.timers()).as("only the cleanup timer is left").isEqualTo(1);
    }

    @Test
    void aHandedOverIncidentKeepsTheClockOfThe110Call() throws Exception {
        live().send(
                        police("J4", "RECEIVED", T0)
                                .category("PUBLIC_SERVICE", "群众求助")
                                .priority(Priority.P3)
                                .town("钟埭街道")
                                .build(),
                        police("J4", "TRANSFERRED_12345", minutes(2)).town("钟埭街道").build(),
                        hotline("PH4", "CREATE", minutes(3))
                                .linkedTo("J4")
                                .category("CITY_ENVIRONMENT", "城乡建设/市政设施/路灯")
                                .town("钟埭街道")
                                .build(),
                        hotline("PH4", "ASSIGN", minutes(4)).linkedTo("J4").town("钟埭街道").build())
                .watermark(minutes(11));
        assertThat(harness.incident("110-J4").get("slaStatus").asText()).isEqualTo("BREACHED");

        harness.send(hotline("PH4", "ARRIVE", minutes(16)).linkedTo("J4").town("钟埭街道").build())
                .watermark(minutes(60));

        assertThat(harness.latest().keySet()).noneMatch(key -> key.contains("12345-"));
        JsonNode incident = harness.incident("110-J4");
        assertThat(incident.get("sources").toString()).isEqualTo("[\"110\",\"12345\"]");
        assertThat(incident.get("orderId").asText()).isEqualTo("PH4");
        assertThat(incident.get("category").asText()).isEqualTo("PUBLIC_SERVICE");
        assertThat(incident.get("status").asText()).isEqualTo("ON_SCENE");
        assertThat(incident.get("reportedAt").asText()).isEqualTo("2026-11-28T02:00:00.000Z");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(960.0);
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("TOWN");
    }

    @Test
    void aDeadlineBeyondTheHorizonDoesNotFire() throws Exception {
        open(LifecycleSettings.replay(DEADLINE - 1)).send(received()).watermark(Long.MAX_VALUE);

        assertThat(harness.latest()).containsKey("SLA_EVENT/110-J1:WARNING");
        assertThat(harness.latest()).doesNotContainKey("SLA_EVENT/110-J1:BREACH");
        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("PENDING");
        assertThat(harness.timers()).isZero();
    }

    @Test
    void aDeadlineAtTheHorizonFires() throws Exception {
        open(LifecycleSettings.replay(DEADLINE)).send(received()).watermark(Long.MAX_VALUE);

        assertThat(harness.latest())
                .containsKeys("SLA_EVENT/110-J1:BREACH", "ALERT/sla:110-J1:TOWN");
        assertThat(harness.latest()).doesNotContainKey("SLA_EVENT/110-J1:ESCALATED:CITY");
        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(harness.timers()).isZero();
    }

    @Test
    void aFinishedIncidentIsForgottenAfterTheRetentionThenItsSummaryAfterItsOwn() throws Exception {
        long closedAt = minutes(30);
        live().send(received(), arrived(minutes(5)), police("J1", "CLOSED", closedAt).build());
        long cleanupAt = closedAt + Duration.ofHours(24).toMillis();

        harness.watermark(cleanupAt - 1);
        assertThat(harness.stateEntries()).isGreaterThan(1);
        assertThat(harness.timers()).isEqualTo(1);

        harness.watermark(cleanupAt);
        assertThat(harness.stateEntries()).as("the summary").isEqualTo(1);
        assertThat(harness.timers()).as("the summary's expiry").isEqualTo(1);

        harness.watermark(cleanupAt + Duration.ofDays(30).toMillis());
        assertThat(harness.stateEntries()).isZero();
        assertThat(harness.timers()).isZero();
    }

    @Test
    void anUnfinishedIncidentIsForgottenAtItsMaximumAge() throws Exception {
        LifecycleSettings settings =
                new LifecycleSettings(
                        Duration.ofHours(1),
                        Duration.ofHours(2),
                        Duration.ofDays(30),
                        16,
                        Long.MAX_VALUE);
        open(settings).send(received()).watermark(CITY_AT);
        assertThat(harness.timers()).isEqualTo(1);

        harness.watermark(T0 + Duration.ofHours(2).toMillis());

        assertThat(harness.stateEntries()).as("the summary").isEqualTo(1);
        harness.watermark(T0 + Duration.ofHours(2).toMillis() + Duration.ofDays(30).toMillis());
        assertThat(harness.stateEntries()).isZero();
        assertThat(harness.timers()).isZero();
    }

    @Test
    void aDuplicateChangesNothingAndEmitsNothing() throws Exception {
        live().send(received(), arrived(minutes(5))).drain();

        assertThat(harness.send(arrived(minutes(5)), received()).drain()).isEmpty();
    }

    @Test
    void lateRecordsAreProcessedNotDropped() throws Exception {
        live().watermark(minutes(60)).send(received());

        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(harness.incident(ID).get("escalationLevel").asText()).isEqualTo("CITY");
    }

    @Test
    void stateSurvivesACheckpointAndRestore() throws Exception {
        live().send(received()).watermark(WARN_AT).drain();
        OperatorSubtaskState snapshot = harness.snapshot();
        harness.close();

        harness =
                new LifecycleHarness(SlaPolicy.defaultPolicy(), LifecycleSettings.live(), snapshot);
        List<Document> out = harness.watermark(DEADLINE).drain();

        // CITY's instant has passed on the wall clock, so a failed attempt might have written it:
        // the recovered attempt deletes it first, then writes what holds at its watermark.
        assertThat(ids(out))
                .containsExactly(
                        "SLA_EVENT/110-J1:ESCALATED:CITY",
                        "ALERT/sla:110-J1:CITY",
                        "SLA_EVENT/110-J1:BREACH",
                        "SLA_EVENT/110-J1:ESCALATED:TOWN",
                        "ALERT/sla:110-J1:TOWN",
                        "INCIDENT/110-J1");
        assertThat(out)
                .extracting(Document::deletion)
                .containsExactly(true, true, false, false, false, false);
    }

    @Test
    void aRecoveredAttemptDeletesTheStepsAFailedAttemptWroteBeyondTheCheckpoint() throws Exception {
        live().send(received()).watermark(WARN_AT).drain();
        OperatorSubtaskState snapshot = harness.snapshot();
        assertThat(ids(harness.watermark(DEADLINE).drain()))
                .as("the failed attempt wrote the breach after the checkpoint")
                .contains("SLA_EVENT/110-J1:BREACH", "ALERT/sla:110-J1:TOWN");
        harness.close();

        harness =
                new LifecycleHarness(SlaPolicy.defaultPolicy(), LifecycleSettings.live(), snapshot);
        List<Document> out = harness.send(arrived(DEADLINE - 1)).drain();

        assertThat(out.stream().filter(Document::deletion).map(d -> d.kind() + "/" + d.id()))
                .containsExactlyInAnyOrder(
                        "SLA_EVENT/110-J1:BREACH",
                        "SLA_EVENT/110-J1:ESCALATED:TOWN",
                        "SLA_EVENT/110-J1:ESCALATED:CITY",
                        "ALERT/sla:110-J1:TOWN",
                        "ALERT/sla:110-J1:CITY");
        assertThat(harness.incident(ID).get("slaStatus").asText()).isEqualTo("MET");
        assertThat(harness.send(arrived(DEADLINE + 5)).drain())
                .as("each incident is swept once per recovery")
                .noneMatch(Document::deletion);
    }

    /**
     * A failure right after a checkpoint: the operator restored from it, with a fresh watermark.
     */
    private void restartFromASnapshot() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot();
        harness.close();
        harness =
                new LifecycleHarness(SlaPolicy.defaultPolicy(), LifecycleSettings.live(), snapshot);
    }

    @Test
    void aRecordAfterARestoreIsJudgedNoEarlierThanBeforeTheCheckpoint() throws Exception {
        live().send(received()).watermark(minutes(12)).drain();
        restartFromASnapshot();
        List<Document> out = harness.send(police("J1", "DISPATCHED", minutes(11)).build()).drain();

        assertThat(ids(out.stream().filter(document -> !document.deletion()).toList()))
                .as("no retraction: the breach was decided at 12 min and still holds")
                .containsExactly("INCIDENT/110-J1");
        assertThat(ids(out.stream().filter(Document::deletion).toList()))
                .as("only the sweep of a step the failed attempt may have written beyond 12 min")
                .containsExactlyInAnyOrder(
                        "SLA_EVENT/110-J1:ESCALATED:CITY", "ALERT/sla:110-J1:CITY");
        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("TOWN");
    }

    @Test
    void aNewIncidentAfterARestoreIsJudgedAtTheTimeReachedBeforeTheCheckpoint() throws Exception {
        live().send(received()).watermark(minutes(12)).drain();
        restartFromASnapshot();
        List<Document> out =
                harness.send(
                                police("J2", "RECEIVED", T0).build(),
                                police("J2", "ARRIVED", minutes(9)).build())
                        .drain();

        assertThat(ids(out.stream().filter(document -> !document.deletion()).toList()))
                .as("as an undisturbed run at 12 min: breached, then withdrawn by the response")
                .contains("SLA_EVENT/110-J2:BREACH", "SLA_EVENT/110-J2:RETRACTED");
        assertThat(harness.incident("110-J2").get("slaStatus").asText()).isEqualTo("MET");
    }

    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void aReopenAfterTheStateWasCleanedUpMovesTheStatusButNotTheClock() throws Exception {
        long closedAt = minutes(30);
        live().send(
                        hotline("PH9", "CREATE", T0)
                                .category("LABOUR", "劳动保障")
                                .priority(Priority.P2)
                                .build(),
                        hotline("PH9", "ASSIGN", minutes(2)).build(),
                        hotline("PH9", "ARRIVE", minutes(5)).build(),
                        hotline("PH9", "REPLY", minutes(20)).build(),
                        hotline("PH9", "CLOSE", closedAt).build())
                .watermark(closedAt + DAY);
        assertThat(harness.stateEntries()).as("only the summary is left").isEqualTo(1);
        harness.drain();

        long reopenedAt = closedAt + 2 * DAY;
        List<Document> out =
                harness.watermark(reopenedAt)
                        .send(hotline("PH9", "REOPEN", reopenedAt).build())
                        .watermark(reopenedAt + DAY)
                        .drain();

        assertThat(ids(out)).containsExactly("INCIDENT/12345-PH9");
        JsonNode incident = json(out.get(0));
        assertThat(incident.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(incident.get("reportedAt").asText()).isEqualTo("2026-11-28T02:00:00.000Z");
        assertThat(incident.get("category").asText()).isEqualTo("LABOUR");
        assertThat(incident.get("priority").asText()).isEqualTo("P2");
        assertThat(incident.get("slaStatus").asText()).isEqualTo("MET");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(300.0);
        assertThat(incident.get("closedAt").asText()).isEqualTo("2026-11-28T02:30:00.000Z");
        assertThat(incident.get("updatedAt").asText()).isEqualTo("2026-11-30T02:30:00.000Z");
        assertThat(harness.send(hotline("PH9", "REOPEN", reopenedAt).build()).drain())
                .as("a duplicate changes nothing")
                .isEmpty();
    }

    @Test
    void aResponseAfterTheMaximumAgeKeepsTheBreachAsDecided() throws Exception {
        live().send(received()).watermark(T0 + 7 * DAY);
        assertThat(harness.incident(ID).get("escalationLevel").asText()).isEqualTo("CITY");
        harness.drain();

        List<Document> out =
                harness.watermark(T0 + 8 * DAY)
                        .send(police("J1", "FINISHED", T0 + 8 * DAY).build())
                        .drain();

        assertThat(ids(out)).containsExactly("INCIDENT/110-J1");
        JsonNode incident = json(out.get(0));
        assertThat(incident.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(incident.get("slaStatus").asText()).isEqualTo("BREACHED");
        assertThat(incident.get("escalationLevel").asText()).isEqualTo("CITY");
        assertThat(incident.get("category").asText()).isEqualTo("DISPUTE");
        assertThat(incident.get("responseSeconds").asDouble()).isEqualTo(8 * DAY / 1000.0);
        assertThat(incident.get("reportedAt").asText()).isEqualTo("2026-11-28T02:00:00.000Z");
    }

    @Test
    void aRecordOlderThanTheSummaryRetentionOfAnUnknownIncidentIsDeadLettered() throws Exception {
        live().send(received()).watermark(T0 + 7 * DAY);
        harness.watermark(T0 + 37 * DAY);
        assertThat(harness.stateEntries()).as("the summary expired too").isZero();
        assertThat(harness.timers()).isZero();
        harness.drain();

        harness.send(police("J1", "ARRIVED", T0 + 6 * DAY).build());

        assertThat(harness.drain()).isEmpty();
        assertThat(harness.deadLetters())
                .singleElement()
                .satisfies(
                        letter -> {
                            assertThat(letter.reason()).isEqualTo(ReasonCode.INCIDENT_EXPIRED);
                            assertThat(letter.value()).contains("\"incidentId\":\"110-J1\"");
                        });
        assertThat(harness.stateEntries()).isZero();
    }

    @Test
    void theFunctionCanBeShippedToTheCluster() throws Exception {
        SlaPolicy tiered = SlaPolicy.fromResource("sla/example-tiered-policy.json");
        IncidentLifecycleFunction function =
                new IncidentLifecycleFunction(tiered, LifecycleSettings.replay(DEADLINE));

        assertThat(InstantiationUtil.clone(function)).isNotNull();
        assertThat(InstantiationUtil.clone(tiered).rules()).isEqualTo(tiered.rules());
    }

    @Test
    void incidentsAreKeptApart() throws Exception {
        live().send(
                        received(),
                        police("J2", "RECEIVED", T0).build(),
                        police("J2", "ARRIVED", minutes(3)).build())
                .watermark(minutes(11));

        Map<String, Document> latest = harness.latest();
        assertThat(json(latest.get("INCIDENT/110-J1")).get("slaStatus").asText())
                .isEqualTo("BREACHED");
        assertThat(json(latest.get("INCIDENT/110-J2")).get("slaStatus").asText()).isEqualTo("MET");
    }

    @Test
    void beyondTheRecordCapOnlySignificantRecordsAreKept() throws Exception {
        open(new LifecycleSettings(
                        Duration.ofHours(24),
                        Duration.ofDays(7),
                        Duration.ofDays(30),
                        16,
                        Long.MAX_VALUE))
                .send(received());
        for (int i = 1; i <= 40; i++) {
            harness.send(police("J1", "DISPATCHED", T0 + i * 1000L).unit("unit-" + i).build());
        }
        assertThat(harness.incident(ID).get("unit").asText())
                .as("the 16th record was the last kept")
                .isEqualTo("unit-15");

        harness.send(arrived(minutes(5)));

        JsonNode incident = harness.incident(ID);
        assertThat(incident.get("status").asText()).isEqualTo("ON_SCENE");
        assertThat(incident.get("dispatchedAt").asText()).isEqualTo("2026-11-28T02:00:01.000Z");
        assertThat(incident.get("slaStatus").asText()).isEqualTo("MET");
        assertThat(MINUTE).isPositive();
    }
}
