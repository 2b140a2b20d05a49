package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.rules.AlertLevel;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.KeyField;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.Severity;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.lifecycle.OutputDocuments;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.testing.KeyedStateEntries;

class IncidentRuleRoutingTest {

    private static final HotspotRule BY_VILLAGE =
            new HotspotRule(
                    "hot-village",
                    true,
                    Severity.WARNING,
                    AlertLevel.TOWN,
                    RuleFilter.NONE,
                    List.of(KeyField.TOWN_CODE, KeyField.VILLAGE),
                    3,
                    Duration.ofMinutes(30));

    private KeyedBroadcastOperatorTestHarness<String, IncidentChange, RulesVersion, RoutedIncident>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new IncidentRuleRouting(
                                new RulesInForce(new RulesFile("v1", List.of(BY_VILLAGE))),
                                Duration.ofDays(37)),
                        IncidentChange::incidentId,
                        Types.STRING,
                        RulesInForce.STATE,
                        RulesInForce.SINCE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void change(String village, long eventTime) throws Exception {
        IncidentState state =
                IncidentFold.fold(
                        "110-J1",
                        List.of(
                                police("J1", "RECEIVED", minutes(50))
                                        .town("当湖街道")
                                        .village(village)
                                        .build()));
        IncidentChanged changed =
                new IncidentChanged(
                        OutputDocuments.incident(
                                state,
                                SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, minutes(50))),
                        eventTime);
        harness.processElement(new StreamRecord<>(changed, eventTime));
    }

    @Test
    void anIncidentFirstSeenBehindTheWatermarkIsSentAtOnceAndOnlyOnce() throws Exception {
        harness.watermark(minutes(60));
        change("东湖村", minutes(61));
        change("西湖村", minutes(62));

        assertThat(harness.extractOutputValues())
                .extracting(RoutedIncident::group)
                .containsExactly(List.of("330482001", "东湖村"));
        harness.watermark(minutes(81));
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anIncidentGoesToItsGroupOnceWithItsAttributesAtTheWatermark() throws Exception {
        change("东湖村", minutes(50));
        change("西湖村", minutes(50));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.watermark(minutes(50));
        change("南湖村", minutes(51));

        assertThat(harness.extractOutputValues())
                .extracting(RoutedIncident::group)
                .containsExactly(List.of("330482001", "西湖村"));
        harness.watermark(minutes(80));
        assertThat(KeyedStateEntries.of(harness)).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
