package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.SlaDecision;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.testing.KeyedStateEntries;
import org.pingzhi.jobs.testing.WithoutKryo;

class BreachRateRuleFunctionTest {

    /** 10:00 local, the start of an hourly window. */
    private static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final String TOWN = "330482001";

    private KeyedBroadcastOperatorTestHarness<
                    String, RoutedDecision, RulesVersion, RuleAlertChanged>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    private static KeyedBroadcastOperatorTestHarness<
                    String, RoutedDecision, RulesVersion, RuleAlertChanged>
            newHarness() throws Exception {
        return WithoutKryo.of(
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new BreachRateRuleFunction(
                                        new RulesInForce(
                                                new RulesFile(
                                                        "v1",
                                                        List.of(TestRules.breachRate("0.5", 4)))),
                                        TownDirectory.standard(),
                                        Long.MAX_VALUE),
                                RulesInForce.DESCRIPTORS),
                        RoutedDecision::key,
                        Types.STRING,
                        1,
                        1,
                        0));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** {@code breached} breached and {@code met} met decisions in the hour from {@code hour}. */
    private void hour(long hour, int breached, int met) throws Exception {
        for (int i = 0; i < breached + met; i++) {
            long at = hour + i * MINUTE;
            SlaDecision decision =
                    new SlaDecision("110-" + at, TOWN, "110", "THEFT", null, at, i < breached);
            harness.processElement(
                    new StreamRecord<>(new RoutedDecision("breach", List.of(TOWN), decision), at));
        }
    }

    private List<AlertDocument> alerts() {
        return harness.extractOutputValues().stream().map(RuleAlertChanged::alert).toList();
    }

    @Test
    void anHourBreachingHalfOfItsDecisionsFiresAtItsEnd() throws Exception {
        hour(T0, 2, 2);
        harness.watermark(T0 + HOUR - 1);
        assertThat(alerts()).isEmpty();

        harness.watermark(T0 + HOUR);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:breach:" + TOWN + ":" + T0);
        assertThat(alerts.get(0).status()).isEqualTo("OPEN");
        assertThat(alerts.get(0).count()).isEqualTo(2L);
        assertThat(alerts.get(0).townCode()).isEqualTo(TOWN);
        assertThat(alerts.get(0).category()).isNull();
    }

    @Test
    void justUnderTheRateDoesNotFire() throws Exception {
        hour(T0, 1, 3);
        harness.watermark(T0 + 3 * HOUR);

        assertThat(alerts()).isEmpty();
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theEpisodeIsResolvedAtTheEndOfTheFirstHourThatDoesNotFireAndLeavesNothing()
            throws Exception {
        hour(T0, 2, 2);
        hour(T0 + HOUR, 3, 1);
        hour(T0 + 2 * HOUR, 0, 4);
        harness.watermark(T0 + 3 * HOUR);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts)
                .extracting(AlertDocument::status)
                .containsExactly("OPEN", "OPEN", "RESOLVED");
        assertThat(alerts)
                .extracting(AlertDocument::alertId)
                .containsOnly("rule:breach:" + TOWN + ":" + T0);
        assertThat(alerts.get(2).count()).isEqualTo(5L);
        assertThat(alerts.get(2).resolvedAt()).isEqualTo("2026-11-28T05:00:00.000Z");
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aChangedRuleResolvesItsEpisodeAtInForceFromAndTheNewMinimumAppliesAfter()
            throws Exception {
        hour(T0, 4, 0);
        harness.watermark(T0 + HOUR);
        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN");

        harness.processBroadcastElement(
                PublishedVersions.breachRate("v2", 10, T0 + HOUR + 10 * MINUTE),
                T0 + HOUR + 10 * MINUTE);

        AlertDocument ended = alerts().get(1);
        assertThat(ended.alertId()).isEqualTo("rule:breach:" + TOWN + ":" + T0);
        assertThat(ended.status()).isEqualTo("RESOLVED");
        assertThat(ended.resolvedAt()).isEqualTo("2026-11-28T03:10:00.000Z");
        assertThat(ended.ruleVersion()).isEqualTo("v1");
        assertThat(KeyedStateEntries.of(harness)).as("no state left of v1's group").isZero();

        hour(T0 + 2 * HOUR, 4, 0);
        hour(T0 + 3 * HOUR, 10, 0);
        harness.watermark(T0 + 6 * HOUR);

        List<AlertDocument> v2 = alerts().subList(2, alerts().size());
        assertThat(v2)
                .extracting(AlertDocument::alertId)
                .containsOnly("rule:breach:" + TOWN + ":" + (T0 + 3 * HOUR));
        assertThat(v2).extracting(AlertDocument::status).containsExactly("OPEN", "RESOLVED");
        assertThat(v2.get(0).ruleVersion()).isEqualTo("v2");
        assertThat(v2.get(0).count()).isEqualTo(10L);
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * The restart test's traffic (issue 9): a window the watermark has passed is judged; decisions
     * learned later for it change nothing, whether the group still had state or had dropped it.
     */
    @Test
    void decisionsForAWindowTheWatermarkHasPassedChangeNothingWhateverStepCameBetween()
            throws Exception {
        harness.watermark(T0 + 3 * HOUR);
        hour(T0, 2, 2);
        harness.watermark(T0 + 3 * HOUR + 1);
        hour(T0, 4, 0);
        harness.watermark(T0 + 5 * HOUR);

        assertThat(alerts()).isEmpty();
        assertThat(KeyedStateEntries.of(harness)).isZero();
    }

    @Test
    void aLateDecisionCountsInAWindowNotYetJudgedWhereverTheGroupHasWalked() throws Exception {
        hour(T0, 2, 1);
        harness.watermark(T0 + 30 * MINUTE);
        SlaDecision late =
                new SlaDecision("110-late", TOWN, "110", "THEFT", null, T0 + MINUTE, true);
        harness.processElement(
                new StreamRecord<>(new RoutedDecision("breach", List.of(TOWN), late), T0));
        harness.watermark(T0 + HOUR);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).count()).isEqualTo(3L);
    }

    /**
     * After a restore the watermark starts over: the decisions read again meet the time the
     * checkpoint had reached, as they met it before the failure.
     */
    @Test
    void afterARestoreADecisionBehindTheTimeReachedIsLateThoughTheWatermarkStartedOver()
            throws Exception {
        harness.watermark(T0 + 3 * HOUR);
        hour(T0 + 3 * HOUR + MINUTE, 1, 0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();

        hour(T0, 4, 0);
        harness.watermark(T0 + 5 * HOUR);

        assertThat(alerts()).isEmpty();
    }
}
