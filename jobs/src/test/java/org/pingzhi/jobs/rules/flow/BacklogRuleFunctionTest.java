package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.OpenInterval;

class BacklogRuleFunctionTest {

    private static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final String TOWN = "330482001";

    private KeyedOneInputStreamOperatorTestHarness<String, RoutedBacklogChange, RuleAlertChanged>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new BacklogRuleFunction(
                                        new RulesFile(
                                                "v1",
                                                List.of(
                                                        TestRules.backlog(
                                                                RuleFilter.NONE,
                                                                2,
                                                                Duration.ofMinutes(5)))),
                                        TownDirectory.standard(),
                                        Long.MAX_VALUE)),
                        RoutedBacklogChange::key,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void change(OpenInterval before, OpenInterval after, long at) throws Exception {
        harness.processElement(
                new StreamRecord<>(
                        new RoutedBacklogChange("backlog", List.of(TOWN), before, after), at));
    }

    private void reported(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            change(null, new OpenInterval(T0, null), T0);
        }
    }

    private List<AlertDocument> alerts() {
        return harness.extractOutputValues().stream().map(RuleAlertChanged::alert).toList();
    }

    @Test
    void moreThanTheThresholdOpenForTheDurationFires() throws Exception {
        reported(3);
        harness.processWatermark(T0 + 5 * MINUTE - 1);
        assertThat(alerts()).isEmpty();

        harness.processWatermark(T0 + 5 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:backlog:" + TOWN + ":" + T0);
        assertThat(alerts.get(0).count()).isEqualTo(3L);
        assertThat(alerts.get(0).status()).isEqualTo("OPEN");
    }

    @Test
    void justTheThresholdOpenDoesNotFireAndIsForgottenWhenTheyEnd() throws Exception {
        reported(2);
        harness.processWatermark(T0 + 10 * MINUTE);
        change(
                new OpenInterval(T0, null),
                new OpenInterval(T0, T0 + 11 * MINUTE),
                T0 + 11 * MINUTE);
        change(
                new OpenInterval(T0, null),
                new OpenInterval(T0, T0 + 12 * MINUTE),
                T0 + 12 * MINUTE);
        harness.processWatermark(T0 + 12 * MINUTE);

        assertThat(alerts()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theRunIsResolvedAtTheFirstMinuteEndAtOrUnderTheThresholdAndLeavesNothing()
            throws Exception {
        reported(3);
        harness.processWatermark(T0 + 6 * MINUTE);
        OpenInterval open = new OpenInterval(T0, null);
        change(open, new OpenInterval(T0, T0 + 7 * MINUTE + 1), T0 + 7 * MINUTE + 1);
        harness.processWatermark(T0 + 8 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts.get(alerts.size() - 1).status()).isEqualTo("RESOLVED");
        assertThat(alerts.get(alerts.size() - 1).resolvedAt())
                .isEqualTo("2026-11-28T02:08:00.000Z");
        assertThat(alerts.get(alerts.size() - 1).windowEnd()).isEqualTo("2026-11-28T02:07:00.000Z");

        change(open, new OpenInterval(T0, T0 + 9 * MINUTE), T0 + 9 * MINUTE);
        change(open, new OpenInterval(T0, T0 + 9 * MINUTE), T0 + 9 * MINUTE);
        harness.processWatermark(T0 + 9 * MINUTE);
        assertThat(harness.numKeyedStateEntries()).isZero();
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
        harness.processWatermark(T0 + 60 * MINUTE);
        reported(3);
        harness.processWatermark(T0 + 60 * MINUTE + 1);
        change(new OpenInterval(T0, null), new OpenInterval(T0, T0 + MINUTE), T0 + MINUTE);
        harness.processWatermark(T0 + 90 * MINUTE);

        assertThat(alerts()).isEmpty();
    }

    @Test
    void anEndLearnedBehindTheWatermarkResolvesTheRunAtTheNextMinuteEnd() throws Exception {
        reported(3);
        harness.processWatermark(T0 + 6 * MINUTE);
        change(new OpenInterval(T0, null), new OpenInterval(T0, T0 + MINUTE), T0 + MINUTE);
        harness.processWatermark(T0 + 8 * MINUTE);

        List<AlertDocument> alerts = alerts();
        AlertDocument last = alerts.get(alerts.size() - 1);
        assertThat(last.alertId()).isEqualTo("rule:backlog:" + TOWN + ":" + T0);
        assertThat(last.status()).isEqualTo("RESOLVED");
        assertThat(last.resolvedAt()).isEqualTo("2026-11-28T02:07:00.000Z");
        assertThat(last.windowEnd()).isEqualTo("2026-11-28T02:06:00.000Z");
    }
}
