package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.Baseline;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.TestRules;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.lifecycle.OutputDocuments;
import org.pingzhi.jobs.rules.OpenInterval;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.testing.KeyedStateEntries;

/** The routing of incidents to SURGE and BACKLOG groups, and of SURGE's history start. */
class IncidentKindsRoutingTest {

    private static final Duration LIFETIME = Duration.ofDays(2);
    private static final List<String> TOWN = List.of("330482001");

    private KeyedBroadcastOperatorTestHarness<String, IncidentChange, RulesVersion, RoutedIncident>
            harness;

    private final List<UnifiedEvent> records = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new IncidentRuleRouting(
                                new RulesInForce(
                                        new RulesFile(
                                                "v1",
                                                List.of(
                                                        TestRules.surge(
                                                                "2",
                                                                3,
                                                                new Baseline.PreviousWindows(1),
                                                                Duration.ofHours(1)),
                                                        TestRules.backlog(
                                                                RuleFilter.NONE,
                                                                2,
                                                                Duration.ofMinutes(5))))),
                                LIFETIME),
                        IncidentChange::incidentId,
                        Types.STRING,
                        RulesInForce.STATE,
                        RulesInForce.SINCE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void record(String status, long eventTime) throws Exception {
        records.add(police("J1", status, eventTime).town("当湖街道").build());
        IncidentState state = IncidentFold.fold("110-J1", List.copyOf(records));
        IncidentChanged changed =
                new IncidentChanged(
                        OutputDocuments.incident(
                                state,
                                SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, eventTime)),
                        eventTime);
        harness.processElement(new StreamRecord<>(changed, eventTime));
    }

    private List<RoutedBacklogChange> backlogChanges() {
        return harness.getSideOutput(IncidentRuleRouting.BACKLOG).stream()
                .map(StreamRecord::getValue)
                .toList();
    }

    @Test
    void anIncidentGoesToItsSurgeAndBacklogGroupsOnceAndItsEndOnce() throws Exception {
        record("RECEIVED", minutes(50));
        harness.watermark(minutes(50));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(IncidentRuleRouting.SURGE))
                .extracting(routed -> routed.getValue().key())
                .containsExactly(RoutedIncident.key("surge", TOWN));
        assertThat(harness.getSideOutput(IncidentRuleRouting.HISTORY))
                .extracting(StreamRecord::getValue)
                .containsExactly(minutes(50));
        assertThat(backlogChanges())
                .containsExactly(
                        new RoutedBacklogChange(
                                "backlog", TOWN, null, new OpenInterval(minutes(50), null), 0));

        record("FINISHED", minutes(70));
        record("CLOSED", minutes(80));
        harness.watermark(minutes(80));

        assertThat(harness.getSideOutput(IncidentRuleRouting.SURGE)).hasSize(1);
        assertThat(backlogChanges())
                .hasSize(2)
                .last()
                .isEqualTo(
                        new RoutedBacklogChange(
                                "backlog",
                                TOWN,
                                new OpenInterval(minutes(50), null),
                                new OpenInterval(minutes(50), minutes(70)),
                                0));
    }

    @Test
    void theIncidentIsForgottenOnceTheLifecycleCanNoLongerChangeIt() throws Exception {
        record("RECEIVED", minutes(50));
        harness.watermark(minutes(50));
        record("FINISHED", minutes(70));

        harness.watermark(minutes(50) + LIFETIME.toMillis());

        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(backlogChanges()).hasSize(2);
    }

    @Test
    void anEndGoesOnlyToTheBacklogRuleAsItWasWhenTheIncidentWasCounted() throws Exception {
        record("RECEIVED", minutes(50));
        harness.watermark(minutes(50));
        harness.processBroadcastElement(
                PublishedVersions.backlog("v2", 5, minutes(60)), minutes(60));

        record("FINISHED", minutes(70));

        assertThat(backlogChanges())
                .as("v2's backlog rule never counted it")
                .containsExactly(
                        new RoutedBacklogChange(
                                "backlog", TOWN, null, new OpenInterval(minutes(50), null), 0));
    }

    @Test
    void anIncidentCountedUnderAPublishedRuleCarriesItsGenerationToTheEnd() throws Exception {
        harness.processBroadcastElement(
                PublishedVersions.backlog("v2", 5, minutes(10)), minutes(10));
        record("RECEIVED", minutes(50));
        harness.watermark(minutes(50));

        record("FINISHED", minutes(70));

        assertThat(backlogChanges())
                .extracting(RoutedBacklogChange::generation)
                .containsExactly(1L, 1L);
        assertThat(harness.getSideOutput(IncidentRuleRouting.SURGE))
                .as("v2 has no surge rule")
                .isNull();
    }
}
