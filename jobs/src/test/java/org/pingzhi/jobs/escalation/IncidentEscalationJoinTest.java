package org.pingzhi.jobs.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.common.output.SlaEventDocument;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentChangeSerializer;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;

class IncidentEscalationJoinTest {

    private static final String ID = "110-J1";

    private KeyedTwoInputStreamOperatorTestHarness<
                    String, IncidentChange, EscalationMarks, IncidentChange>
            harness;

    /** reportedAt of {@link #incident}. */
    private static final long REPORTED_AT = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();

    private static final long MARK_WINDOW = Duration.ofMinutes(30).toMillis();

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    /** Short retentions, so that the instants a document can still change are easy to follow. */
    private static final LifecycleSettings LIFECYCLE =
            new LifecycleSettings(
                    Duration.ofHours(1),
                    Duration.ofHours(2),
                    Duration.ofHours(3),
                    LifecycleSettings.DEFAULT_MAX_RECORDS,
                    LifecycleSettings.LIVE_HORIZON);

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @BeforeEach
    void open() throws Exception {
        open(MARK_WINDOW, true);
    }

    private void open(long startWindowMillis, boolean rulesInForce) throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new IncidentEscalationJoin(
                                        startWindowMillis, rulesInForce, LIFECYCLE)),
                        IncidentChange::incidentId,
                        EscalationMarks::incidentId,
                        Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
                .setGenericTypes(false);
        harness.setup(IncidentChangeSerializer.INSTANCE);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void withoutRulesEveryChangePassesUnchangedAndNothingIsKept() throws Exception {
        harness.close();
        open(0L, false);
        IncidentChange incident = incident("ON_SCENE");
        SlaEventChanged event = event();
        harness.processElement1(incident, 1L);
        harness.processElement1(event, 1L);

        assertThat(harness.extractOutputValues()).containsExactly(incident, event);
        assertThat(Json.mapper().readTree(incident.render().json()).has("escalationRules"))
                .isFalse();
        assertForgottenAt(REPORTED_AT);
        assertThat(harness.getSideOutput(IncidentEscalationJoin.SLA_DECISIONS))
                .extracting(record -> record.getValue())
                .containsExactly(event);
    }

    @Test
    void anIncidentsDocumentShowsItsEscalationsFromTheMarkOn() throws Exception {
        harness.processElement2(marks("TOWN", "hotspot-1"), 1L);
        harness.processElement1(incident("DISPATCHED"), 2L);
        harness.processElement2(marks("CITY", "hotspot-1", "repeat-caller-1"), 3L);

        List<IncidentChange> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        IncidentDocument first = ((IncidentChanged) out.get(0)).document();
        IncidentDocument second = ((IncidentChanged) out.get(1)).document();
        assertThat(first.escalationRules()).containsExactly("hotspot-1");
        assertThat(first.ruleLevel()).isEqualTo("TOWN");
        assertThat(second.status()).isEqualTo("DISPATCHED");
        assertThat(second.escalationRules()).containsExactly("hotspot-1", "repeat-caller-1");
        assertThat(second.ruleLevel()).isEqualTo("CITY");
        assertThat(Json.mapper().readTree(out.get(1).render().json()).get("ruleLevel").asText())
                .isEqualTo("CITY");
    }

    @Test
    void aMarkAfterTheIncidentsLastDocumentShowsOnThatDocument() throws Exception {
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT);
        harness.processElement2(marks("CITY", "hotspot-1"), REPORTED_AT + MARK_WINDOW);

        List<IncidentChange> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        IncidentDocument marked = ((IncidentChanged) out.get(1)).document();
        assertThat(marked.status()).isEqualTo("DISPATCHED");
        assertThat(marked.escalationRules()).containsExactly("hotspot-1");
        assertThat(marked.ruleLevel()).isEqualTo("CITY");
    }

    @Test
    void anUnmarkedDocumentIsForgottenOnceNoRuleCanMarkIt() throws Exception {
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT);
        harness.processElement2(counted(REPORTED_AT + MARK_WINDOW), REPORTED_AT);

        assertForgottenAt(REPORTED_AT + MARK_WINDOW);
        harness.processElement2(marks("CITY", "hotspot-1"), REPORTED_AT + MARK_WINDOW + 1);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void withRulesInForceADocumentNoRuleHoldsSaysSo() throws Exception {
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT);

        JsonNode document =
                Json.mapper().readTree(harness.extractOutputValues().get(0).render().json());
        assertThat(document.get("escalationRules").toString()).isEqualTo("[]");
        assertThat(document.get("ruleLevel").asText()).isEqualTo("NONE");
    }

    @Test
    void anEscalatedIncidentIsForgottenOnceItsDocumentCanNoLongerChange() throws Exception {
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT);
        harness.processElement2(marks("CITY", "hotspot-1"), REPORTED_AT + MARK_WINDOW);
        // Unfinished: cleaned up at reportedAt + max age, its summary goes 3 h later.
        long lastChange = REPORTED_AT + 2 * HOUR + 3 * HOUR;

        harness.processBothWatermarks(new Watermark(REPORTED_AT + HOUR));
        harness.processElement1(incident("ON_SCENE"), REPORTED_AT + HOUR);
        assertThat(((IncidentChanged) last()).document().escalationRules())
                .containsExactly("hotspot-1");

        assertForgottenAt(lastChange);
    }

    @Test
    void aClosedIncidentsMarksGoWithItsSummary() throws Exception {
        harness.processElement2(marks("TOWN", "hotspot-1"), REPORTED_AT + MINUTE);
        harness.processElement1(closed(REPORTED_AT + 10 * MINUTE), REPORTED_AT + 10 * MINUTE);
        // Closed: cleaned up 1 h after its latest record, its summary 3 h after that.
        long lastChange = REPORTED_AT + 10 * MINUTE + HOUR + 3 * HOUR;

        assertForgottenAt(lastChange);
    }

    @Test
    void aDocumentJudgedLateKeepsItsMarksForTheSummaryOfThatLaterCleanup() throws Exception {
        harness.processElement2(marks("TOWN", "hotspot-1"), REPORTED_AT + MINUTE);
        // A replay judges a late CLOSE at its watermark, long after the cleanup instant.
        long judgedAt = REPORTED_AT + 5 * HOUR;
        harness.processElement1(closed(REPORTED_AT + 10 * MINUTE), judgedAt);

        assertForgottenAt(judgedAt + 3 * HOUR);
    }

    @Test
    void aMarkWithoutDocumentIsForgottenWhenNoDocumentCameWhileARuleCouldMark() throws Exception {
        harness.processElement2(counted(REPORTED_AT + MINUTE + MARK_WINDOW), REPORTED_AT);
        harness.processElement2(marks("TOWN", "hotspot-1"), REPORTED_AT + MINUTE);

        assertForgottenAt(REPORTED_AT + MINUTE + MARK_WINDOW);
    }

    @Test
    void marksAddUpSoThatMarksFoldedAfreshNeverShrinkThem() throws Exception {
        harness.processElement2(marks("CITY", "hotspot-1", "repeat-caller-1"), 1L);
        harness.processElement1(incident("DISPATCHED"), 2L);
        harness.processElement2(marks("TOWN", "repeat-caller-1"), 3L);
        harness.processElement1(incident("ON_SCENE"), 4L);

        IncidentDocument last = ((IncidentChanged) last()).document();
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(last.escalationRules()).containsExactly("hotspot-1", "repeat-caller-1");
        assertThat(last.ruleLevel()).isEqualTo("CITY");
    }

    @Test
    void anUnchangedMarkReEmitsNothing() throws Exception {
        harness.processElement2(marks("TOWN", "hotspot-1"), 1L);
        harness.processElement1(incident("DISPATCHED"), 2L);
        harness.processElement2(marks("TOWN", "hotspot-1"), 3L);

        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void aRulePublishedWithALongerWindowThanTheStartFilesMarksTheIncidentsLastDocument()
            throws Exception {
        // the start file's longest window is 30 min; the published rule counts it for 2 h
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT);
        harness.processElement2(counted(REPORTED_AT + 2 * HOUR), REPORTED_AT);
        harness.processBothWatermarks(new Watermark(REPORTED_AT + HOUR - 1));
        harness.processElement2(marks("CITY", "hotspot-2h"), REPORTED_AT + HOUR);

        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(((IncidentChanged) last()).document().escalationRules())
                .containsExactly("hotspot-2h");
    }

    @Test
    void aRulePublishedWhenTheStartFileHeldNoIncidentsMarksTheIncident() throws Exception {
        harness.close();
        open(0L, true);
        harness.processElement2(counted(REPORTED_AT + MARK_WINDOW), REPORTED_AT);
        harness.processElement2(marks("TOWN", "hotspot-1"), REPORTED_AT + MINUTE);
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT + MINUTE);

        assertThat(((IncidentChanged) last()).document().escalationRules())
                .containsExactly("hotspot-1");
    }

    @Test
    void aDocumentFirstSeenBehindTheWatermarkWaitsForTheRuleThatCountsIt() throws Exception {
        harness.processBothWatermarks(new Watermark(REPORTED_AT + 10 * MINUTE));
        harness.processElement1(incident("DISPATCHED"), REPORTED_AT);
        harness.processElement2(counted(REPORTED_AT + 10 * MINUTE + MARK_WINDOW), REPORTED_AT);
        harness.processElement2(marks("TOWN", "hotspot-1"), REPORTED_AT);

        assertThat(((IncidentChanged) last()).document().escalationRules())
                .containsExactly("hotspot-1");
    }

    /** State stays until the watermark reaches {@code instant}, then none and no timer is left. */
    private void assertForgottenAt(long instant) throws Exception {
        harness.processBothWatermarks(new Watermark(instant - 1));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processBothWatermarks(new Watermark(instant));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private IncidentChange last() {
        List<IncidentChange> out = harness.extractOutputValues();
        return out.get(out.size() - 1);
    }

    private static IncidentChange closed(long at) {
        IncidentDocument open = ((IncidentChanged) incident("CLOSED")).document();
        String iso = Times.iso(at);
        return new IncidentChanged(
                new IncidentDocument(
                        open.incidentId(),
                        open.sources(),
                        open.alarmId(),
                        open.orderId(),
                        open.category(),
                        open.rawCategory(),
                        open.priority(),
                        open.townCode(),
                        open.town(),
                        open.village(),
                        open.location(),
                        open.status(),
                        open.reportedAt(),
                        open.dispatchedAt(),
                        open.acceptedAt(),
                        open.onSceneAt(),
                        open.resolvedAt(),
                        iso,
                        open.slaTargetSeconds(),
                        open.slaDeadline(),
                        open.slaStatus(),
                        open.responseSeconds(),
                        open.escalationLevel(),
                        null,
                        null,
                        open.callerKey(),
                        open.summary(),
                        iso,
                        open.cancelledAt(),
                        open.respondedAt(),
                        open.slaWarnAt(),
                        open.unit(),
                        open.gridCode()),
                at);
    }

    /** A rule counted the incident: its episodes may take it until {@code until}. */
    private static EscalationMarks counted(long until) {
        return EscalationMarks.markable(ID, until);
    }

    private static EscalationMarks marks(String level, String... rules) {
        return new EscalationMarks(ID, rules, level);
    }

    private static IncidentChange incident(String status) {
        return new IncidentChanged(
                new IncidentDocument(
                        ID,
                        List.of("110"),
                        "J1",
                        null,
                        "OTHER",
                        null,
                        "P2",
                        "330482001",
                        "当湖街道",
                        null,
                        null,
                        status,
                        "2026-11-28T02:00:00.000Z",
                        null,
                        null,
                        null,
                        null,
                        null,
                        600,
                        "2026-11-28T02:10:00.000Z",
                        "PENDING",
                        null,
                        "NONE",
                        null,
                        null,
                        null,
                        null,
                        "2026-11-28T02:00:00.000Z",
                        null,
                        null,
                        "2026-11-28T02:08:00.000Z",
                        null,
                        null),
                0L);
    }

    private static SlaEventChanged event() {
        return new SlaEventChanged(
                new SlaEventDocument(
                        ID,
                        "WARNING",
                        null,
                        "2026-11-28T02:08:00.000Z",
                        "330482001",
                        "OTHER",
                        List.of("110"),
                        600,
                        480.0,
                        false,
                        null),
                "P2",
                true,
                0L);
    }
}
