package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.rules.Baseline;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.rules.RuleIncident;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.testing.WithoutKryo;

class SurgeRuleFunctionTest {

    /** 10:00 local, the start of an hourly window. */
    private static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final String TOWN = "330482001";

    private KeyedBroadcastOperatorTestHarness<String, RoutedIncident, SurgeInput, RuleAlertChanged>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                WithoutKryo.of(
                        new KeyedBroadcastOperatorTestHarness<>(
                                new CoBroadcastWithKeyedOperator<>(
                                        new SurgeRuleFunction(
                                                new RulesInForce(
                                                        new RulesFile(
                                                                "v1",
                                                                List.of(
                                                                        TestRules.surge(
                                                                                "2",
                                                                                3,
                                                                                new Baseline
                                                                                        .PreviousWindows(
                                                                                        1),
                                                                                Duration.ofHours(
                                                                                        1))))),
                                                TownDirectory.standard(),
                                                Long.MAX_VALUE),
                                        SurgeRuleFunction.BROADCAST_STATES),
                                RoutedIncident::key,
                                Types.STRING,
                                1,
                                1,
                                0));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** {@code n} incidents in the hour from {@code hour}, a minute apart. */
    private void hour(long hour, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            long at = hour + i * MINUTE;
            RuleIncident incident =
                    new RuleIncident(
                            "12345-" + at,
                            at,
                            TOWN,
                            null,
                            null,
                            "NOISE",
                            "12345",
                            "P3",
                            null,
                            null);
            harness.processElement(
                    new StreamRecord<>(new RoutedIncident("surge", List.of(TOWN), incident), at));
        }
    }

    private void historyFrom(long earliest) throws Exception {
        harness.processBroadcastElement(
                new StreamRecord<>(SurgeInput.historyStart(earliest), earliest));
    }

    private int keyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    private List<AlertDocument> alerts() {
        return harness.extractOutputValues().stream().map(RuleAlertChanged::alert).toList();
    }

    @Test
    void anHourAtTwiceItsBaselineFiresAtTheIncidentBringingItThere() throws Exception {
        historyFrom(T0);
        hour(T0, 2);
        hour(T0 + HOUR, 4);
        harness.watermark(T0 + HOUR + 3 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:surge:" + TOWN + ":" + (T0 + HOUR));
        assertThat(alerts.get(0).firedAt()).isEqualTo("2026-11-28T03:03:00.000Z");
        assertThat(alerts.get(0).count()).isEqualTo(4L);
    }

    @Test
    void justUnderTwiceTheBaselineDoesNotFireAndTheGroupIsForgotten() throws Exception {
        historyFrom(T0);
        hour(T0, 2);
        hour(T0 + HOUR, 3);
        harness.watermark(T0 + 4 * HOUR);

        assertThat(alerts()).isEmpty();
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void noHourIsJudgedAgainstABaselineBeforeTheEarliestIncidentSeenAnywhere() throws Exception {
        historyFrom(T0 + HOUR);
        hour(T0 + HOUR, 4);
        harness.watermark(T0 + 2 * HOUR);
        assertThat(alerts()).isEmpty();
    }

    @Test
    void anEarlierIncidentOfAnotherGroupMakesTheHourJudged() throws Exception {
        historyFrom(T0 + 30 * MINUTE);
        hour(T0 + HOUR, 4);
        harness.watermark(T0 + 2 * HOUR);
        assertThat(alerts()).extracting(AlertDocument::status).containsOnly("OPEN");
        assertThat(alerts().get(0).firedAt()).isEqualTo("2026-11-28T03:02:00.000Z");
    }

    @Test
    void theEpisodeIsResolvedAtTheEndOfTheFirstHourThatDoesNotSurgeAndLeavesNothing()
            throws Exception {
        historyFrom(T0);
        hour(T0, 1);
        hour(T0 + HOUR, 4);
        hour(T0 + 2 * HOUR, 4);
        harness.watermark(T0 + 6 * HOUR);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).extracting(AlertDocument::status).endsWith("RESOLVED");
        assertThat(alerts.get(alerts.size() - 1).resolvedAt())
                .isEqualTo("2026-11-28T05:00:00.000Z");
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aChangedRuleResolvesItsSurgeAtInForceFromAndJudgesOnlyWindowsWithAHistoryUnderIt()
            throws Exception {
        historyFrom(T0);
        hour(T0, 2);
        hour(T0 + HOUR, 4);
        harness.watermark(T0 + HOUR + 30 * MINUTE);
        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN");

        harness.processBroadcastElement(
                new StreamRecord<>(
                        SurgeInput.of(PublishedVersions.surge("v2", 10, T0 + HOUR + 40 * MINUTE)),
                        T0 + HOUR + 40 * MINUTE));

        AlertDocument ended = alerts().get(1);
        assertThat(ended.alertId()).isEqualTo("rule:surge:" + TOWN + ":" + (T0 + HOUR));
        assertThat(ended.status()).isEqualTo("RESOLVED");
        assertThat(ended.resolvedAt()).isEqualTo("2026-11-28T03:40:00.000Z");
        assertThat(ended.ruleVersion()).isEqualTo("v1");
        assertThat(keyedStateEntries()).as("no state left of v1's group").isZero();

        // 12:00 is v2's first whole window: judged against nothing before it, so it does not fire
        hour(T0 + 2 * HOUR, 10);
        hour(T0 + 3 * HOUR, 20);
        harness.watermark(T0 + 6 * HOUR);

        List<AlertDocument> v2 = alerts().subList(2, alerts().size());
        assertThat(v2)
                .extracting(AlertDocument::alertId)
                .containsOnly("rule:surge:" + TOWN + ":" + (T0 + 3 * HOUR));
        assertThat(v2).extracting(AlertDocument::status).containsExactly("OPEN", "RESOLVED");
        assertThat(v2.get(0).ruleVersion()).isEqualTo("v2");
        assertThat(v2.get(0).count()).isEqualTo(20L);
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
