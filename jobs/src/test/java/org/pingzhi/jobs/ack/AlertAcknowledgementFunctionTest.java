package org.pingzhi.jobs.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.AlertAcknowledgement;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.output.AlertStatus;

class AlertAcknowledgementFunctionTest {

    static final String ALERT_ID = "sla:110-J1:TOWN";
    static final long OPENED = Times.parseIso("2026-11-28T02:10:00.000Z");
    static final long RESOLVED = Times.parseIso("2026-11-28T02:25:00.000Z");
    static final Duration EARLY_RETENTION = Duration.ofMinutes(10);

    KeyedTwoInputStreamOperatorTestHarness<
                    String, AlertRevision, AlertAcknowledgement, AlertRevision>
            harness;

    @BeforeEach
    void start() throws Exception {
        harness = harness(null);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void withoutAcknowledgementsEveryRevisionPassesUnchangedAndNothingStaysAfterResolution()
            throws Exception {
        harness.processElement1(openAlert(), OPENED);
        harness.processElement1(resolved(), RESOLVED);

        assertThat(harness.extractOutputValues()).containsExactly(openAlert(), resolved());
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void anOpenAlertAcknowledgedShowsAckedWhoAndWhenAtOnceAndResolvedKeepsThem() throws Exception {
        harness.processElement1(openAlert(), OPENED);
        harness.processElement2(ack("danghu-day", "2026-11-28T02:12:30.000Z"), 5L);
        harness.processElement1(resolved(), RESOLVED);

        List<AlertRevision> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        AlertDocument acked = out.get(1).alert();
        assertThat(acked.status()).isEqualTo("ACKED");
        assertThat(acked.ackedBy()).isEqualTo("danghu-day");
        assertThat(acked.ackedAt()).isEqualTo("2026-11-28T02:12:30.000Z");
        assertThat(out.get(1).eventTime()).isEqualTo(OPENED);
        AlertDocument resolved = out.get(2).alert();
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.resolvedAt()).isEqualTo("2026-11-28T02:25:00.000Z");
        assertThat(resolved.ackedBy()).isEqualTo("danghu-day");
        assertThat(resolved.ackedAt()).isEqualTo("2026-11-28T02:12:30.000Z");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void theFirstAcknowledgementWinsAndAReplayedOneChangesNothing() throws Exception {
        harness.processElement1(openAlert(), OPENED);
        harness.processElement2(ack("danghu-day", "2026-11-28T02:12:30.000Z"), 5L);
        harness.processElement2(ack("city-day", "2026-11-28T02:13:00.000Z"), 6L);
        harness.processElement2(ack("danghu-day", "2026-11-28T02:12:30.000Z"), 7L);
        harness.processElement1(openAlert(), OPENED + 1);

        List<AlertRevision> out = harness.extractOutputValues();
        assertThat(out).hasSize(3);
        assertThat(out.get(2).alert().status()).isEqualTo("ACKED");
        assertThat(out.get(2).alert().ackedBy()).isEqualTo("danghu-day");
        assertThat(out.get(2).alert().ackedAt()).isEqualTo("2026-11-28T02:12:30.000Z");
    }

    @Test
    void anAcknowledgementOfAResolvedOrUnknownAlertChangesNothingAndIsForgottenInTime()
            throws Exception {
        harness.setProcessingTime(0L);
        harness.processElement1(openAlert(), OPENED);
        harness.processElement1(resolved(), RESOLVED);
        harness.processElement2(ack("danghu-day", "2026-11-28T02:30:00.000Z"), 5L);
        harness.processElement2(
                new AlertAcknowledgement("rule:never-seen:x:1", "city-day", 1L), 6L);

        assertThat(harness.extractOutputValues()).containsExactly(openAlert(), resolved());
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

        harness.setProcessingTime(EARLY_RETENTION.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void anAcknowledgementThatCameBeforeItsAlertShowsOnItWithinTheRetention() throws Exception {
        harness.setProcessingTime(0L);
        harness.processElement2(ack("danghu-day", "2026-11-28T02:12:30.000Z"), 5L);
        harness.setProcessingTime(EARLY_RETENTION.toMillis() - 1);
        harness.processElement1(openAlert(), OPENED);
        harness.setProcessingTime(EARLY_RETENTION.toMillis() + 1);
        harness.processElement1(openAlert(), OPENED + 1);

        List<AlertRevision> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(revision -> revision.alert().status())
                .containsExactly("ACKED", "ACKED");
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anAcknowledgedOpenAlertSurvivesARestoreWithoutKryo() throws Exception {
        harness.processElement1(openAlert(), OPENED);
        harness.processElement2(ack("danghu-day", "2026-11-28T02:12:30.000Z"), 5L);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = harness(snapshot);
        harness.processElement1(resolved(), RESOLVED);

        AlertDocument resolved = harness.extractOutputValues().get(0).alert();
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.ackedBy()).isEqualTo("danghu-day");
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, AlertRevision, AlertAcknowledgement, AlertRevision>
            harness(OperatorSubtaskState restored) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<
                        String, AlertRevision, AlertAcknowledgement, AlertRevision>
                harness =
                        new KeyedTwoInputStreamOperatorTestHarness<>(
                                new KeyedCoProcessOperator<>(
                                        new AlertAcknowledgementFunction(EARLY_RETENTION)),
                                AlertRevision::alertId,
                                AlertAcknowledgement::alertId,
                                Types.STRING);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
                .setGenericTypes(false);
        harness.setup(
                AckStateDescriptors.REVISION_TYPE.createSerializer(
                        harness.getExecutionConfig().getSerializerConfig()));
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    static AlertAcknowledgement ack(String who, String at) {
        return new AlertAcknowledgement(ALERT_ID, who, Times.parseIso(at));
    }

    static AlertRevision openAlert() {
        return revision(AlertStatus.OPEN, null, OPENED);
    }

    static AlertRevision resolved() {
        return revision(AlertStatus.RESOLVED, RESOLVED, RESOLVED);
    }

    static AlertRevision revision(AlertStatus status, Long resolvedAt, long eventTime) {
        return new AlertRevision(
                new AlertDocument(
                        ALERT_ID,
                        AlertDocument.SLA_ESCALATION_KIND,
                        AlertDocument.SLA_ESCALATION_RULE_ID,
                        null,
                        "WARNING",
                        "TOWN",
                        "330482001",
                        "FIRE_SAFETY",
                        "title",
                        "message",
                        List.of("110-J1"),
                        "2026-11-28T02:00:00.000Z",
                        Times.iso(OPENED),
                        1L,
                        Times.iso(OPENED),
                        status.name(),
                        Times.isoOrNull(resolvedAt)),
                eventTime);
    }
}
