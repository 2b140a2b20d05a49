package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.OpenInterval;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.testing.KeyedStateEntries;
import org.pingzhi.jobs.testing.WithoutKryo;

class BacklogRuleFunctionTest {

    private static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final String TOWN = "330482001";

    private KeyedBroadcastOperatorTestHarness<
                    String, RoutedBacklogChange, RulesVersion, RuleAlertChanged>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    private static KeyedBroadcastOperatorTestHarness<
                    String, RoutedBacklogChange, RulesVersion, RuleAlertChanged>
            harness() throws Exception {
        return WithoutKryo.of(
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new BacklogRuleFunction(
                                        new RulesInForce(
                                                new RulesFile(
                                                        "v1",
                                                        List.of(
                                                                TestRules.backlog(
                                                                        RuleFilter.NONE,
                                                                        2,
                                                                        Duration.ofMinutes(5))))),
                                        TownDirectory.standard(),
                                        Long.MAX_VALUE),
                                RulesInForce.DESCRIPTORS),
                        RoutedBacklogChange::key,
                        Types.STRING,
                        1,
                        1,
                        0));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void change(OpenInterval before, OpenInterval after, long at) throws Exception {
        change(before, after, at, 0);
    }

    /** A change as the routing counted it for the rule's {@code generation}. */
    private void change(OpenInterval before, OpenInterval after, long at, long generation)
            throws Exception {
        harness.processElement(
                new StreamRecord<>(
                        new RoutedBacklogChange(
                                "backlog", List.of(TOWN), before, after, generation),
                        at));
    }

    private void reported(int n) throws Exception {
        reported(n, T0, 0);
    }

    private void reported(int n, long at, long generation) throws Exception {
        for (int i = 0; i < n; i++) {
            change(null, new OpenInterval(at, null), at, generation);
        }
    }

    private List<AlertDocument> alerts() {
        return harness.extractOutputValues().stream().map(RuleAlertChanged::alert).toList();
    }

    @Test
    void moreThanTheThresholdOpenForTheDurationFires() throws Exception {
        reported(3);
        harness.watermark(T0 + 5 * MINUTE - 1);
        assertThat(alerts()).isEmpty();

        harness.watermark(T0 + 5 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:backlog:" + TOWN + ":" + T0);
        assertThat(alerts.get(0).count()).isEqualTo(3L);
        assertThat(alerts.get(0).status()).isEqualTo("OPEN");
    }

    @Test
    void justTheThresholdOpenDoesNotFireAndIsForgottenWhenTheyEnd() throws Exception {
        reported(2);
        harness.watermark(T0 + 10 * MINUTE);
        change(
                new OpenInterval(T0, null),
                new OpenInterval(T0, T0 + 11 * MINUTE),
                T0 + 11 * MINUTE);
        change(
                new OpenInterval(T0, null),
                new OpenInterval(T0, T0 + 12 * MINUTE),
                T0 + 12 * MINUTE);
        harness.watermark(T0 + 12 * MINUTE);

        assertThat(alerts()).isEmpty();
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theRunIsResolvedAtTheFirstMinuteEndAtOrUnderTheThresholdAndLeavesNothing()
            throws Exception {
        reported(3);
        harness.watermark(T0 + 6 * MINUTE);
        OpenInterval open = new OpenInterval(T0, null);
        change(open, new OpenInterval(T0, T0 + 7 * MINUTE + 1), T0 + 7 * MINUTE + 1);
        harness.watermark(T0 + 8 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts.get(alerts.size() - 1).status()).isEqualTo("RESOLVED");
        assertThat(alerts.get(alerts.size() - 1).resolvedAt())
                .isEqualTo("2026-11-28T02:08:00.000Z");
        assertThat(alerts.get(alerts.size() - 1).windowEnd()).isEqualTo("2026-11-28T02:07:00.000Z");

        change(open, new OpenInterval(T0, T0 + 9 * MINUTE), T0 + 9 * MINUTE);
        change(open, new OpenInterval(T0, T0 + 9 * MINUTE), T0 + 9 * MINUTE);
        harness.watermark(T0 + 9 * MINUTE);
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /**
     * The restart test's traffic (issue 9): incidents far behind the watermark give the same alerts
     * whether or not a watermark step came between them, and an end learned late still takes its
     * incident out (from the next minute end on), so the backlog does not stay up for ever.
     */
    @Test
    void changesBehindTheWatermarkCountFromTheNextMinuteEndWhateverStepCameBetween()
            throws Exception {
        harness.watermark(T0 + 60 * MINUTE);
        reported(3);
        harness.watermark(T0 + 60 * MINUTE + 1);
        change(new OpenInterval(T0, null), new OpenInterval(T0, T0 + MINUTE), T0 + MINUTE);
        harness.watermark(T0 + 90 * MINUTE);

        assertThat(alerts()).isEmpty();
    }

    /**
     * Live, the watermark follows the wall clock: reports minutes in the past
     * (RulesControlLiveTest) open a run at the first minute end after the watermark they meet,
     * which fires a duration later, up to a minute more than a duration after they came.
     */
    @Test
    void reportsBehindTheWatermarkRunFromTheNextMinuteEndAndFireADurationLater() throws Exception {
        harness.watermark(T0 + 60 * MINUTE + 30_000);
        reported(3);
        harness.watermark(T0 + 66 * MINUTE - 1);
        assertThat(alerts()).isEmpty();

        harness.watermark(T0 + 66 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId())
                .isEqualTo("rule:backlog:" + TOWN + ":" + (T0 + 61 * MINUTE));
        assertThat(alerts.get(0).status()).isEqualTo("OPEN");
    }

    @Test
    void anEndLearnedBehindTheWatermarkResolvesTheRunAtTheNextMinuteEnd() throws Exception {
        reported(3);
        harness.watermark(T0 + 6 * MINUTE);
        change(new OpenInterval(T0, null), new OpenInterval(T0, T0 + MINUTE), T0 + MINUTE);
        harness.watermark(T0 + 8 * MINUTE);

        List<AlertDocument> alerts = alerts();
        AlertDocument last = alerts.get(alerts.size() - 1);
        assertThat(last.alertId()).isEqualTo("rule:backlog:" + TOWN + ":" + T0);
        assertThat(last.status()).isEqualTo("RESOLVED");
        assertThat(last.resolvedAt()).isEqualTo("2026-11-28T02:07:00.000Z");
        assertThat(last.windowEnd()).isEqualTo("2026-11-28T02:06:00.000Z");
    }

    @Test
    void aChangedThresholdResolvesTheRunAtInForceFromAndTheRuleCountsAfreshUnderIt()
            throws Exception {
        reported(3);
        harness.watermark(T0 + 6 * MINUTE);
        assertThat(alerts()).extracting(AlertDocument::status).containsOnly("OPEN");

        harness.processBroadcastElement(
                PublishedVersions.backlog("v2", 4, T0 + 7 * MINUTE + 30_000),
                T0 + 7 * MINUTE + 30_000);

        AlertDocument ended = alerts().get(alerts().size() - 1);
        assertThat(ended.alertId()).isEqualTo("rule:backlog:" + TOWN + ":" + T0);
        assertThat(ended.status()).isEqualTo("RESOLVED");
        assertThat(ended.resolvedAt()).isEqualTo("2026-11-28T02:07:30.000Z");
        assertThat(ended.ruleVersion()).isEqualTo("v1");
        assertThat(KeyedStateEntries.of(harness)).as("no state left of v1's group").isZero();

        // the end of an incident v1 counted is no change for v2, which never counted it
        change(new OpenInterval(T0, null), new OpenInterval(T0, T0 + 8 * MINUTE), T0 + 8 * MINUTE);
        reported(5, T0 + 8 * MINUTE, 1);
        harness.watermark(T0 + 13 * MINUTE);

        AlertDocument fired = alerts().get(alerts().size() - 1);
        assertThat(fired.alertId()).isEqualTo("rule:backlog:" + TOWN + ":" + (T0 + 8 * MINUTE));
        assertThat(fired.status()).isEqualTo("OPEN");
        assertThat(fired.count()).as("v2 holds only what it counted").isEqualTo(5L);
        assertThat(fired.ruleVersion()).isEqualTo("v2");

        OpenInterval open = new OpenInterval(T0 + 8 * MINUTE, null);
        OpenInterval ended20 = new OpenInterval(T0 + 8 * MINUTE, T0 + 20 * MINUTE);
        for (int i = 0; i < 5; i++) {
            change(open, ended20, T0 + 20 * MINUTE, 1);
        }
        harness.watermark(T0 + 30 * MINUTE);

        assertThat(alerts().get(alerts().size() - 1).status()).isEqualTo("RESOLVED");
        assertThat(alerts().get(alerts().size() - 1).resolvedAt())
                .isEqualTo("2026-11-28T02:20:00.000Z");
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theVersionInForceAndSinceWhenSurviveARestore() throws Exception {
        harness.processBroadcastElement(PublishedVersions.backlog("v2", 4, T0), T0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, T0);
        harness.close();
        harness = harness();
        harness.initializeState(snapshot);
        harness.open();

        reported(4, T0 + MINUTE, 0);
        reported(5, T0 + MINUTE, 1);
        harness.watermark(T0 + 6 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).ruleVersion()).isEqualTo("v2");
        assertThat(alerts.get(0).count()).isEqualTo(5L);
    }
}
