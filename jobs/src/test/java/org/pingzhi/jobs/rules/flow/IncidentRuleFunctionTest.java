package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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

    private KeyedOneInputStreamOperatorTestHarness<String, RoutedIncident, RuleAlertChanged>
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
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new IncidentRuleFunction(
                                        new RulesFile("v1", List.of(HOTSPOT)),
                                        TownDirectory.standard(),
                                        horizon)),
                        RoutedIncident::key,
                        Types.STRING);
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

        harness.processWatermark(T0 + 10 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).alertId()).isEqualTo("rule:hot:" + TOWN + ":" + T0);
        assertThat(alerts.get(0).status()).isEqualTo("OPEN");
        assertThat(alerts.get(0).ruleVersion()).isEqualTo("v1");
        assertThat(harness.getSideOutput(IncidentRuleFunction.MARKS))
                .extracting(StreamRecord::getValue)
                .containsExactly(
                        new RuleMark("12345-a", "hot", "CITY"),
                        new RuleMark("12345-b", "hot", "CITY"),
                        new RuleMark("12345-c", "hot", "CITY"));
    }

    @Test
    void aGroupThatGoesQuietLeavesNoStateAndNoTimers() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        report("12345-c", T0 + 10 * MINUTE);

        harness.processWatermark(T0 + 40 * MINUTE);

        List<AlertDocument> alerts = alerts();
        assertThat(alerts).extracting(AlertDocument::status).containsExactly("OPEN", "RESOLVED");
        assertThat(alerts.get(1).resolvedAt()).isEqualTo("2026-11-28T02:40:00.000Z");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void twoIncidentsAreNoHotspotAndAreForgottenOnceTheirWindowPassed() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);

        harness.processWatermark(T0 + 60 * MINUTE);

        assertThat(alerts()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
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

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(alerts()).extracting(AlertDocument::status).containsExactly("OPEN");
        assertThat(alerts().get(0).incidentIds()).containsExactly("12345-a", "12345-b", "12345-c");
    }

    @Test
    void aGroupsStateSurvivesASnapshotAndRestoreTyped() throws Exception {
        report("12345-a", T0);
        report("12345-b", T0 + 5 * MINUTE);
        report("12345-c", T0 + 10 * MINUTE);
        harness.processWatermark(T0 + 10 * MINUTE);
        report("12345-d", T0 + 12 * MINUTE);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        open(Long.MAX_VALUE, snapshot);
        report("12345-e", T0 + 15 * MINUTE);
        harness.processWatermark(T0 + 60 * MINUTE);

        List<AlertDocument> alerts = alerts();
        AlertDocument resolved = alerts.get(alerts.size() - 1);
        assertThat(alerts)
                .extracting(AlertDocument::alertId)
                .containsOnly("rule:hot:" + TOWN + ":" + T0);
        assertThat(resolved.status()).isEqualTo("RESOLVED");
        assertThat(resolved.incidentIds())
                .containsExactly("12345-a", "12345-b", "12345-c", "12345-d", "12345-e");
        assertThat(resolved.resolvedAt()).isEqualTo("2026-11-28T02:45:00.000Z");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
