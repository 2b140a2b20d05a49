package org.pingzhi.jobs.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingzhi.jobs.lifecycle.TestEvents.MINUTE;
import static org.pingzhi.jobs.lifecycle.TestEvents.minutes;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.rules.AlertLevel;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.Baseline;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.KeyField;
import org.pingzhi.common.rules.RepeatCallerRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleFilter;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.Severity;
import org.pingzhi.common.rules.SurgeRule;
import org.pingzhi.jobs.lifecycle.EmissionPlanner;
import org.pingzhi.jobs.lifecycle.EmittedOutputs;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.sla.SlaEvaluator;

/**
 * Every filter field (contract rules.md: {@code sources}, {@code categories}, {@code priorities},
 * {@code townCodes}) of every kind that takes a filter, on what the lifecycle emits for one
 * incident: a rule filtered on the incident's value routes it (or, for BREACH_RATE, its SLA
 * decision) to the rule's group; one filtered on another value does not.
 */
class RuleFiltersRoutingTest {

    /** A 110 fire alarm, P1, in 当湖街道, with a caller: reported at 50, breached at 60. */
    private static final List<IncidentChange> LIFECYCLE = lifecycle();

    private static List<IncidentChange> lifecycle() {
        IncidentState state =
                IncidentFold.fold(
                        "110-J1",
                        List.of(
                                police("J1", "RECEIVED", minutes(50))
                                        .category("FIRE_SAFETY", "火灾")
                                        .priority(Priority.P1)
                                        .town("当湖街道")
                                        .callerKey("caller-key")
                                        .build()));
        return EmissionPlanner.plan(
                state,
                SlaEvaluator.evaluate(state.slaInput(), 10 * MINUTE, minutes(65)),
                new EmittedOutputs());
    }

    /** A filter field, the incident's value of it and another value. */
    enum Field {
        SOURCES("110", "12345"),
        CATEGORIES("FIRE_SAFETY", "DISPUTE"),
        PRIORITIES("P1", "P3"),
        TOWN_CODES("330482001", "330482100");

        final String incidents;
        final String other;

        Field(String incidents, String other) {
            this.incidents = incidents;
            this.other = other;
        }

        RuleFilter only(String value) {
            Set<String> values = Set.of(value);
            return switch (this) {
                case SOURCES -> new RuleFilter(values, null, null, null);
                case CATEGORIES -> new RuleFilter(null, values, null, null);
                case PRIORITIES -> new RuleFilter(null, null, values, null);
                case TOWN_CODES -> new RuleFilter(null, null, null, values);
            };
        }
    }

    static Stream<Arguments> filters() {
        List<Arguments> cases = new ArrayList<>();
        for (RuleKind kind : RuleKind.values()) {
            if (kind == RuleKind.FEED_SILENCE) {
                continue; // takes no filter
            }
            for (Field field : Field.values()) {
                cases.add(Arguments.of(kind, field, true));
                cases.add(Arguments.of(kind, field, false));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} filtered on {1}, the incident''s value: {2}")
    @MethodSource("filters")
    void aFilterAdmitsTheIncidentExactlyWhenItListsItsValue(
            RuleKind kind, Field field, boolean incidentsValue) throws Exception {
        Rule rule = rule(kind, field.only(incidentsValue ? field.incidents : field.other));
        RulesInForce rules = new RulesInForce(new RulesFile("v1", List.of(rule)));

        List<String> routedTo =
                kind == RuleKind.BREACH_RATE ? decisionsRouted(rules) : incidentsRouted(rules);

        assertThat(routedTo).isEqualTo(incidentsValue ? List.of(rule.id()) : List.of());
    }

    private static List<String> incidentsRouted(RulesInForce rules) throws Exception {
        KeyedBroadcastOperatorTestHarness<String, IncidentChange, RulesVersion, RoutedIncident>
                harness =
                        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                                new IncidentRuleRouting(rules, Duration.ofDays(2)),
                                IncidentChange::incidentId,
                                Types.STRING,
                                RulesInForce.STATE,
                                RulesInForce.SINCE);
        try {
            for (IncidentChange change : LIFECYCLE) {
                if (change instanceof IncidentChanged) {
                    harness.processElement(new StreamRecord<>(change, change.eventTime()));
                }
            }
            harness.watermark(minutes(65));
            List<String> ruleIds = new ArrayList<>();
            harness.extractOutputValues().forEach(routed -> ruleIds.add(routed.ruleId()));
            ruleIdsOf(harness.getSideOutput(IncidentRuleRouting.SURGE), ruleIds);
            Queue<StreamRecord<RoutedBacklogChange>> backlog =
                    harness.getSideOutput(IncidentRuleRouting.BACKLOG);
            if (backlog != null) {
                backlog.forEach(routed -> ruleIds.add(routed.getValue().ruleId()));
            }
            return ruleIds;
        } finally {
            harness.close();
        }
    }

    private static void ruleIdsOf(Queue<StreamRecord<RoutedIncident>> routed, List<String> to) {
        if (routed != null) { // null when nothing went to the side output
            routed.forEach(record -> to.add(record.getValue().ruleId()));
        }
    }

    private static List<String> decisionsRouted(RulesInForce rules) throws Exception {
        return decisionsRouted(rules, LIFECYCLE).stream().map(RoutedDecision::ruleId).toList();
    }

    /**
     * What {@link SlaDecisionRouting} makes of the lifecycle's SLA events among {@code changes}.
     */
    static List<RoutedDecision> decisionsRouted(RulesInForce rules, List<IncidentChange> changes)
            throws Exception {
        BroadcastOperatorTestHarness<SlaEventChanged, RulesVersion, RoutedDecision> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new SlaDecisionRouting(rules), RulesInForce.STATE, RulesInForce.SINCE);
        try {
            for (IncidentChange change : changes) {
                if (change instanceof SlaEventChanged event) {
                    harness.processElement(new StreamRecord<>(event, event.eventTime()));
                }
            }
            return harness.extractOutputValues();
        } finally {
            harness.close();
        }
    }

    private static Rule rule(RuleKind kind, RuleFilter filter) {
        Severity severity = Severity.WARNING;
        AlertLevel level = AlertLevel.CITY;
        return switch (kind) {
            case HOTSPOT ->
                    new HotspotRule(
                            "hot",
                            true,
                            severity,
                            level,
                            filter,
                            List.of(KeyField.TOWN_CODE),
                            2,
                            Duration.ofMinutes(30));
            case REPEAT_CALLER ->
                    new RepeatCallerRule(
                            "repeat", true, severity, level, filter, 2, Duration.ofHours(24));
            case SURGE ->
                    new SurgeRule(
                            "surge",
                            true,
                            severity,
                            level,
                            filter,
                            List.of(KeyField.TOWN_CODE),
                            Duration.ofHours(1),
                            new BigDecimal("2"),
                            1,
                            new Baseline.PreviousWindows(1));
            case BACKLOG ->
                    new BacklogRule(
                            "backlog", true, severity, level, filter, 0, Duration.ofMinutes(5));
            case BREACH_RATE ->
                    new BreachRateRule(
                            "breach",
                            true,
                            severity,
                            level,
                            filter,
                            Duration.ofHours(1),
                            BigDecimal.ONE,
                            1);
            case FEED_SILENCE -> throw new IllegalArgumentException("FEED_SILENCE takes no filter");
        };
    }
}
