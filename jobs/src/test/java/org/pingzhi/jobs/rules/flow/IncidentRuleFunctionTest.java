package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
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
import org.pingzhi.common.rules.AlertLevel;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.KeyField;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.Severity;
import org.pingzhi.jobs.rules.RuleIncident;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.testing.KeyedStateEntries;

class IncidentRuleFunctionTest {

    private static final long T0 = Instant.parse("2026-11-28T02:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final String TOWN = "330482001";

    private static final HotspotRule HOTSPOT =
            new HotspotRule(
                    "hot",
                    true,
                    Severity.WARNING,
                    AlertLevel.CITY,
                    RuleFilter.NONE,
                    List.of(KeyField.TOWN_CODE),
                    3,
                    Duration.ofMinutes(30));

    private KeyedBroadcastOperatorTestHarness<
                    String, RoutedIncident, RulesVersion, RuleAlertChanged>
            harness;

    @BeforeEach
    void open() throws Exception {
        open(Long.MAX_VALUE);
    }

    private void open(long horizon) throws Exception {
        open(horizon, null);
    }

    /** A harness, restored from {@code snapshot} unless null; Kryo is off. */
    private void open(long horizon, OperatorSubtaskState snapshot) throws Exception {
        harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        new CoBroadcastWithKeyedOperator<>(
                                new IncidentRuleFunction(
                                        new RulesInForce(new RulesFile("v1", List.of(HOTSPOT))),
                                        TownDirectory.standard(),
                                        horizon),
                                RulesInForce.DESCRIPTORS),
                        RoutedIncident::key,
                        Types.STRING,
                        1,
                        1,
                        0);
        ((SerializerConfigImpl) harness.getExecutionConfig().getSerializerConfig())
                .setGenericTypes(false);
        harness.setup();
        if (snapshot != null) {
            harness.initializeState(snapshot);
        }
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void report(String id, long reportedAt) throws Exception {
        RuleIncident incident =
                new RuleIncident(
                        id, reportedAt, TOWN, null, null, "DISPUTE", "12345", "P3", null, null);
        harness.processElement(
                new StreamRecord<>(new RoutedIncident("hot", List.of(TOWN), incident), reportedAt));
    }

    private List<AlertDocument> alerts() {
        return harness.extractOutputValues().stream().map(RuleAlertChanged::alert).toList();
    }

    @Test
    void aHotspotFiresOnceTheWatermarkPassesItsIncidentsAndMarksThem() throws Exception {
        report("12345-c", T0 + 10 * MINUTE);
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        assertThat(alerts()).isEmpty();

        harness.watermark(T0 + 10 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:hot:" + TOWN + ":" + T0);
        assertThat(alerts.get(0).status()).isEqualTo("OPEN");
        assertThat(alerts.get(0).ruleVersion()).isEqualTo("v1");
        long grownUntil = T0 + 10 * MINUTE + 30 * MINUTE;
        assertThat(harness.getSideOutput(IncidentRuleFunction.MARKS))
                .extracting(StreamRecord::getValue)
                .as("each incident counted, with until when an episode may take it, then held")
                .containsExactly(
                        RuleMark.counted("12345-c", T0 + 10 * MINUTE + 30 * MINUTE),
                        RuleMark.counted("12345-a", T0 + 30 * MINUTE),
                        RuleMark.counted("12345-b", T0 + 5 * MINUTE + 30 * MINUTE),
                        RuleMark.held("12345-a", "hot", "CITY", grownUntil),
                        RuleMark.held("12345-b", "hot", "CITY", grownUntil),
                        RuleMark.held("12345-c", "hot", "CITY", grownUntil));
    }

    @Test
    void aGroupThatGoesQuietLeavesNoStateAndNoTimers() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        report("12345-c", T0 + 10 * MINUTE);

        harness.watermark(T0 + 40 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).extracting(AlertDocument::status).containsExactly("OPEN", "RESOLVED");
        assertThat(alerts.get(1).resolvedAt()).isEqualTo("2026-11-28T02:40:00.000Z");
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void twoIncidentsAreNoHotspotAndAreForgottenOnceTheirWindowPassed() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);

        harness.watermark(T0 + 60 * MINUTE);

        assertThat(alerts()).isEmpty();
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void nothingIsDecidedBeyondTheHorizon() throws Exception {
        harness.close();
        open(T0 + 20 * MINUTE);
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        report("12345-c", T0 + 20 * MINUTE);
        report("12345-d", T0 + 21 * MINUTE);

        harness.watermark(Long.MAX_VALUE);

        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN");
        assertThat(alerts().get(0).incidentIds()).containsExactly("12345-a", "12345-b", "12345-c");
    }

    @Test
    void aGroupsStateSurvivesASnapshotAndRestoreTyped() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        report("12345-c", T0 + 10 * MINUTE);
        harness.watermark(T0 + 10 * MINUTE);
        report("12345-d", T0 + 12 * MINUTE);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        open(Long.MAX_VALUE, snapshot);
        report("12345-e", T0 + 15 * MINUTE);
        harness.watermark(T0 + 60 * MINUTE);

        List<AlertDocument> alerts = alerts();
        AlertDocument resolved = alerts.get(alerts.size() - 1);
        assertThat(alerts)
                .extracting(AlertDocument::alertId)
                .containsOnly("rule:hot:" + TOWN + ":" + T0);
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.incidentIds())
                .containsExactly("12345-a", "12345-b", "12345-c", "12345-d", "12345-e");
        assertThat(resolved.resolvedAt()).isEqualTo("2026-11-28T02:45:00.000Z");
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aChangedThresholdEndsTheOpenEpisodeAndTheRuleStartsOverWithIt() throws Exception {
        threeIncidentsFireAHotspot();

        harness.processBroadcastElement(version("v2", 2, T0 + 12 * MINUTE), T0 + 12 * MINUTE);

        List<AlertDocument> ended = alerts();
        assertThat(ended).extracting(AlertDocument::status).containsExactly("OPEN", "RESOLVED");
        assertThat(ended.get(1).alertId()).isEqualTo("rule:hot:" + TOWN + ":" + T0);
        assertThat(ended.get(1).resolvedAt()).isEqualTo("2026-11-28T02:12:00.000Z");
        assertThat(ended.get(1).ruleVersion()).isEqualTo("v1");
        assertThat(KeyedStateEntries.of(harness)).as("no state left of v1's groups").isZero();

        report("12345-d", T0 + 20 * MINUTE);
        report("12345-e", T0 + 21 * MINUTE);
        harness.watermark(T0 + 21 * MINUTE);

        AlertDocument fired = alerts().get(2);
        assertThat(fired.alertId()).isEqualTo("rule:hot:" + TOWN + ":" + (T0 + 20 * MINUTE));
        assertThat(fired.ruleVersion()).isEqualTo("v2");
        assertThat(fired.count()).isEqualTo(2L);
        assertThat(fired.incidentIds()).containsExactly("12345-d", "12345-e");
    }

    @Test
    void aRuleAVersionKeepsAsItWasKeepsItsEpisode() throws Exception {
        threeIncidentsFireAHotspot();

        harness.processBroadcastElement(version("v2", 3, T0 + 12 * MINUTE), T0 + 12 * MINUTE);
        report("12345-d", T0 + 15 * MINUTE);
        harness.watermark(T0 + 15 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).extracting(AlertDocument::status).containsExactly("OPEN", "OPEN");
        assertThat(alerts.get(1).count()).isEqualTo(4L);
        assertThat(alerts.get(1).ruleVersion()).isEqualTo("v2");
    }

    @Test
    void aRemovedRuleEndsItsEpisodesLeavesNoStateAndTakesNoMoreIncidents() throws Exception {
        threeIncidentsFireAHotspot();

        harness.processBroadcastElement(
                new RulesVersion("v2", "{\"version\": \"v2\", \"rules\": []}", T0 + 12 * MINUTE),
                T0 + 12 * MINUTE);
        report("12345-d", T0 + 15 * MINUTE);
        harness.watermark(T0 + 120 * MINUTE);

        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN", "RESOLVED");
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** v1's {@code hot} fires at T0 + 10 min, on three incidents 5 min apart. */
    private void threeIncidentsFireAHotspot() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        report("12345-c", T0 + 10 * MINUTE);
        harness.watermark(T0 + 10 * MINUTE);
    }

    /** The rule {@code hot} with {@code threshold}, published as {@code version} at {@code at}. */
    private static RulesVersion version(String version, int threshold, long at) {
        return new RulesVersion(
                version,
                "{\"version\": \""
                        + version
                        + "\", \"rules\": [{\"id\": \"hot\", \"kind\": \"HOTSPOT\", \"severity\":"
                        + " \"WARNING\", \"level\": \"CITY\", \"key\": [\"townCode\"],"
                        + " \"threshold\": "
                        + threshold
                        + ", \"window\": \"PT30M\"}]}",
                at);
    }
}
