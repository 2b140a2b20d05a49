package org.pingzhi.dispatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;
import org.pingzhi.dispatch.ack.Acknowledgement;
import org.pingzhi.dispatch.alert.AlertLevel;
import org.pingzhi.dispatch.alert.AlertNotice;
import org.pingzhi.dispatch.alert.AlertStatus;
import org.pingzhi.dispatch.alert.Severity;
import org.pingzhi.dispatch.roster.SampleRoster;

class DispatchFunctionTest {

    static final DispatchSettings SETTINGS =
            new DispatchSettings(
                    SampleRoster.file().toString(),
                    "http://127.0.0.1:8470",
                    "test-secret-0123456789",
                    Duration.ofHours(24),
                    Duration.ofHours(1),
                    "http://127.0.0.1:5601",
                    List.of("http://127.0.0.1:9200"),
                    null,
                    "pingzhi-notifications",
                    Duration.ofSeconds(10));

    /** 10:00 Beijing time on a Tuesday: the day shift of a workday. */
    static final long T0 = Instant.parse("2026-12-01T02:00:00Z").toEpochMilli();

    static final long MINUTE = 60_000;

    /** The sample roster's CRITICAL policy: 5 minutes, 2 resends, then the city. */
    static final long ACK_TIMEOUT = 5 * MINUTE;

    static final List<String> DANGHU = List.of("danghu-dingtalk", "danghu-wecom");
    static final List<String> CITY = List.of("city-dingtalk", "city-wecom", "ops-webhook");

    private KeyedTwoInputStreamOperatorTestHarness<
                    String, DispatchInput, RosterVersion, DeliveryRequest>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.setProcessingTime(T0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static KeyedTwoInputStreamOperatorTestHarness<
                    String, DispatchInput, RosterVersion, DeliveryRequest>
            newHarness() throws Exception {
        // the roster versions are broadcast: no key
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(
                        new DispatchFunction(SETTINGS),
                        List.of(DispatchStateDescriptors.ROSTER_IN_FORCE)),
                DispatchInput::alertId,
                null,
                Types.STRING,
                1,
                1,
                0);
    }

    static AlertNotice critical(AlertStatus status) {
        return new AlertNotice(
                "sla:INC-1:TOWN",
                "SLA_ESCALATION",
                status,
                AlertLevel.TOWN,
                Severity.CRITICAL,
                "330482001",
                "【平治】当湖街道 事件超时未到场",
                "事件 INC-1 已 10 分钟无人到场。",
                Instant.parse("2026-12-01T01:59:57Z"),
                status == AlertStatus.RESOLVED ? Instant.parse("2026-12-01T02:30:00Z") : null,
                List.of("INC-1"),
                1);
    }

    /** Snapshots the harness and starts a new one from the snapshot, as a restore does. */
    private void restore() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1, T0);
        harness.close();
        harness = newHarness();
        harness.setProcessingTime(T0);
        harness.initializeState(snapshot);
        harness.open();
    }

    private void alert(AlertNotice notice) throws Exception {
        harness.processElement1(new StreamRecord<>(DispatchInput.alert(notice)));
    }

    /** Puts {@code roster} in force, as the roster control does with a published one. */
    private void publish(ObjectNode roster) throws Exception {
        String json = Json.toString(roster);
        harness.processElement2(
                new StreamRecord<>(RosterVersion.published(json, "pingzhi-roster:0:7", T0)));
    }

    private void ack(String who, long at) throws Exception {
        harness.processElement1(
                new StreamRecord<>(
                        DispatchInput.ack(
                                new Acknowledgement(
                                        "sla:INC-1:TOWN", who, Instant.ofEpochMilli(at)))));
    }

    /** The delivery keys handed over since the last call, as strings. */
    private List<String> handedOver() {
        ConcurrentLinkedQueue<Object> output = harness.getOutput();
        List<String> keys =
                output.stream()
                        .filter(StreamRecord.class::isInstance)
                        .map(r -> ((DeliveryRequest) ((StreamRecord<?>) r).getValue()).key())
                        .map(key -> key.asString())
                        .toList();
        output.clear();
        return keys;
    }

    private static List<String> keys(String round, List<String> channels) {
        return keys("sla:INC-1:TOWN", round, channels);
    }

    private static List<String> keys(String alertId, String round, List<String> channels) {
        return channels.stream().map(c -> alertId + "|" + round + "|" + c).toList();
    }

    /** {@link #critical} of another alert. */
    static AlertNotice critical(String alertId) {
        return open(alertId, Severity.CRITICAL);
    }

    /** An open alert of 当湖街道 as {@link #critical}, of {@code severity}. */
    static AlertNotice open(String alertId, Severity severity) {
        AlertNotice open = critical(AlertStatus.OPEN);
        return new AlertNotice(
                alertId,
                open.kind(),
                open.status(),
                open.level(),
                severity,
                open.townCode(),
                open.title(),
                open.message(),
                open.firedAt(),
                null,
                open.incidentIds(),
                open.count());
    }

    @Test
    void pagesTheTownsCrewOnceThoughTheAlertComesAgain() throws Exception {
        alert(critical(AlertStatus.OPEN));
        alert(critical(AlertStatus.OPEN));

        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN", DANGHU));
    }

    @Test
    void theCrewGetsTheAckLinkOfItsFirstOfficer() throws Exception {
        alert(critical(AlertStatus.OPEN));

        DeliveryRequest request =
                (DeliveryRequest) ((StreamRecord<?>) harness.getOutput().peek()).getValue();
        assertThat(request.ackLink())
                .startsWith("http://127.0.0.1:8470/ack?alert=sla%3AINC-1%3ATOWN&who=danghu-day&");
        assertThat(request.mobiles()).containsExactly("13800000001");
    }

    @Test
    void anUnacknowledgedAlertIsResentThenEscalatedToTheCity() throws Exception {
        alert(critical(AlertStatus.OPEN));
        handedOver();

        harness.setProcessingTime(T0 + ACK_TIMEOUT - 1);
        assertThat(handedOver()).isEmpty();
        harness.setProcessingTime(T0 + ACK_TIMEOUT);
        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN-1", DANGHU));
        harness.setProcessingTime(T0 + 2 * ACK_TIMEOUT);
        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN-2", DANGHU));
        harness.setProcessingTime(T0 + 3 * ACK_TIMEOUT);
        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN-3", CITY));
        harness.setProcessingTime(T0 + 10 * ACK_TIMEOUT);
        assertThat(handedOver()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anAcknowledgementJustBeforeTheEscalationStopsIt() throws Exception {
        alert(critical(AlertStatus.OPEN));
        harness.setProcessingTime(T0 + 2 * ACK_TIMEOUT);
        handedOver();

        harness.setProcessingTime(T0 + 3 * ACK_TIMEOUT - 1);
        ack("danghu-day", T0 + 3 * ACK_TIMEOUT - 1);
        harness.setProcessingTime(T0 + 10 * ACK_TIMEOUT);

        assertThat(handedOver()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.getSideOutput(DispatchOutputs.ACKS_SEEN)).hasSize(1);
    }

    @Test
    void aReplayedAcknowledgementChangesNothingMore() throws Exception {
        alert(critical(AlertStatus.OPEN));
        ack("danghu-day", T0 + MINUTE);
        ack("danghu-day", T0 + MINUTE);
        harness.setProcessingTime(T0 + 10 * ACK_TIMEOUT);

        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN", DANGHU));
        alert(critical(AlertStatus.RESOLVED));
        assertThat(handedOver()).containsExactlyElementsOf(keys("RESOLVED", DANGHU));
    }

    @Test
    void theResolutionGoesToEveryonePagedOnceThenNothingIsLeft() throws Exception {
        alert(critical(AlertStatus.OPEN));
        harness.setProcessingTime(T0 + 3 * ACK_TIMEOUT);
        handedOver();

        alert(critical(AlertStatus.RESOLVED));
        alert(critical(AlertStatus.RESOLVED));
        alert(critical(AlertStatus.OPEN));

        List<String> all = new java.util.ArrayList<>(DANGHU);
        all.addAll(CITY);
        assertThat(handedOver()).containsExactlyElementsOf(keys("RESOLVED", all));
        harness.setProcessingTime(T0 + 3 * ACK_TIMEOUT + SETTINGS.resolvedRetention().toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anAlertWithoutAPolicyIsSentOnceAndLeavesNoTimer() throws Exception {
        AlertNotice info = open("sla:INC-1:TOWN", Severity.INFO);
        alert(info);

        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN", List.of("danghu-wecom")));
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aRestoreKeepsWhatWasHandedOverAndTheFollowUp() throws Exception {
        alert(critical(AlertStatus.OPEN));
        handedOver();
        restore();
        alert(critical(AlertStatus.OPEN));
        assertThat(handedOver()).isEmpty();
        harness.setProcessingTime(T0 + ACK_TIMEOUT);
        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN-1", DANGHU));
    }

    @Test
    void aPublishedRosterRoutesTheNextAlertWithoutARestart() throws Exception {
        alert(critical(AlertStatus.OPEN));
        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN", DANGHU));

        publish(SampleRoster.withDutyChannels("330482001", "CRITICAL", "ops-webhook"));
        alert(critical("sla:INC-2:TOWN"));

        DeliveryRequest request =
                (DeliveryRequest) ((StreamRecord<?>) harness.getOutput().peek()).getValue();
        assertThat(handedOver())
                .containsExactlyElementsOf(keys("sla:INC-2:TOWN", "OPEN", List.of("ops-webhook")));
        assertThat(request.rosterVersion())
                .isEqualTo(
                        RosterVersion.versionOf(
                                Json.toString(
                                        SampleRoster.withDutyChannels(
                                                "330482001", "CRITICAL", "ops-webhook"))));
    }

    @Test
    void theEscalationOfAnAlertOpenedBeforeAPublicationGoesByTheNewRoster() throws Exception {
        alert(critical(AlertStatus.OPEN));
        harness.setProcessingTime(T0 + 2 * ACK_TIMEOUT);
        handedOver();

        publish(SampleRoster.withDutyChannels(null, "CRITICAL", "city-wecom"));
        harness.setProcessingTime(T0 + 3 * ACK_TIMEOUT);

        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN-3", List.of("city-wecom")));
    }

    @Test
    void aResendToAChannelTheNewRosterDroppedGoesToTheDutyInForce() throws Exception {
        alert(critical(AlertStatus.OPEN));
        handedOver();

        ObjectNode roster = SampleRoster.withDutyChannels("330482001", "CRITICAL", "ops-webhook");
        SampleRoster.removeChannel(roster, "danghu-dingtalk");
        publish(roster);
        harness.setProcessingTime(T0 + ACK_TIMEOUT);

        assertThat(handedOver())
                .containsExactlyElementsOf(keys("OPEN-1", List.of("danghu-wecom", "ops-webhook")));
    }

    @Test
    void thePublishedRosterWinsOverTheStartFileAfterARestore() throws Exception {
        publish(SampleRoster.withDutyChannels("330482001", "CRITICAL", "ops-webhook"));
        restore();
        alert(critical(AlertStatus.OPEN));

        assertThat(handedOver()).containsExactlyElementsOf(keys("OPEN", List.of("ops-webhook")));
    }
}
