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
import org.pingzhi.common.rules.ActiveHours;
import org.pingzhi.common.rules.AlertLevel;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.Severity;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.testing.KeyedStateEntries;
import org.pingzhi.jobs.testing.WithoutKryo;

class FeedSilenceRuleFunctionTest {

    private static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    private static final FeedSilenceRule SILENCE =
            new FeedSilenceRule(
                    "silent-110",
                    true,
                    Severity.CRITICAL,
                    AlertLevel.CITY,
                    "110",
                    null,
                    Duration.ofMinutes(15),
                    ActiveHours.ALL_DAY);

    private KeyedBroadcastOperatorTestHarness<String, RoutedRecord, RulesVersion, RuleAlertChanged>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
        harness.open();
    }

    private static KeyedBroadcastOperatorTestHarness<
                    String, RoutedRecord, RulesVersion, RuleAlertChanged>
            harness() throws Exception {
        return WithoutKryo.of(
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new FeedSilenceRuleFunction(
                                        new RulesInForce(new RulesFile("v1", List.of(SILENCE))),
                                        TownDirectory.standard(),
                                        Long.MAX_VALUE),
                                RulesInForce.DESCRIPTORS),
                        RoutedRecord::key,
                        Types.STRING,
                        1,
                        1,
                        0));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void record(long at) throws Exception {
        harness.processElement(
                new StreamRecord<>(new RoutedRecord("silent-110", List.of("110"), at), at));
    }

    private List<AlertDocument> alerts() {
        return harness.extractOutputValues().stream().map(RuleAlertChanged::alert).toList();
    }

    @Test
    void justUnderTheWindowAfterTheLastRecordIsNoSilence() throws Exception {
        record(T0);
        harness.watermark(T0 + 15 * MINUTE - 1);

        assertThat(alerts()).isEmpty();
    }

    @Test
    void theSilenceFiresAtTheWindowAfterTheLastRecordAndLeavesNoTimerWhileSilent()
            throws Exception {
        record(T0 - MINUTE);
        record(T0);
        harness.watermark(T0 + 15 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        AlertDocument alert = alerts.get(0);
        assertThat(alert.alertId()).isEqualTo("rule:silent-110:110:" + (T0 + 15 * MINUTE));
        assertThat(alert.kind()).isEqualTo("FEED_SILENCE");
        assertThat(alert.status()).isEqualTo("OPEN");
        assertThat(alert.windowStart()).isEqualTo("2026-11-28T02:00:00.000Z");
        assertThat(alert.windowEnd()).isNull();
        assertThat(alert.count()).isNull();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theSilenceIsResolvedByTheNextRecordAcrossARestore() throws Exception {
        record(T0);
        harness.watermark(T0 + 20 * MINUTE);
        OperatorSubtaskState snapshot = harness.snapshot(1, T0 + 20 * MINUTE);
        harness.close();
        harness = harness();
        harness.initializeState(snapshot);
        harness.open();

        record(T0 + 30 * MINUTE);
        harness.watermark(T0 + 30 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).extracting(AlertDocument::status).containsExactly("RESOLVED");
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:silent-110:110:" + (T0 + 15 * MINUTE));
        assertThat(alerts.get(0).resolvedAt()).isEqualTo("2026-11-28T02:30:00.000Z");
        assertThat(alerts.get(0).windowEnd()).isEqualTo("2026-11-28T02:30:00.000Z");
    }

    @Test
    void aLateRecordCannotWithdrawASilenceThatFired() throws Exception {
        record(T0);
        harness.watermark(T0 + 20 * MINUTE);
        record(T0 + 10 * MINUTE);
        harness.watermark(T0 + 21 * MINUTE);

        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN");
    }

    @Test
    void aChangedWindowResolvesTheSilenceAtInForceFromAndAppliesFromTheNextRecord()
            throws Exception {
        record(T0);
        harness.watermark(T0 + 20 * MINUTE);
        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN");

        harness.processBroadcastElement(
                PublishedVersions.feedSilence("v2", "PT30M", T0 + 25 * MINUTE), T0 + 25 * MINUTE);

        AlertDocument ended = alerts().get(1);
        assertThat(ended.alertId()).isEqualTo("rule:silent-110:110:" + (T0 + 15 * MINUTE));
        assertThat(ended.status()).isEqualTo("RESOLVED");
        assertThat(ended.resolvedAt()).isEqualTo("2026-11-28T02:25:00.000Z");
        assertThat(ended.windowEnd()).isNull();
        assertThat(ended.ruleVersion()).isEqualTo("v1");
        assertThat(KeyedStateEntries.of(harness)).as("no state left of v1's group").isZero();

        record(T0 + 40 * MINUTE);
        harness.watermark(T0 + 70 * MINUTE - 1);
        assertThat(alerts()).hasSize(2);
        harness.watermark(T0 + 70 * MINUTE);

        AlertDocument fired = alerts().get(2);
        assertThat(fired.alertId()).isEqualTo("rule:silent-110:110:" + (T0 + 70 * MINUTE));
        assertThat(fired.status()).isEqualTo("OPEN");
        assertThat(fired.ruleVersion()).isEqualTo("v2");
    }
}
