package org.pingzhi.bench;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.lifecycle.IncidentChangeSerializer;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.rules.flow.BacklogRuleFunction;
import org.pingzhi.jobs.rules.flow.BreachRateRuleFunction;
import org.pingzhi.jobs.rules.flow.FeedRecordRouting;
import org.pingzhi.jobs.rules.flow.FeedSilenceRuleFunction;
import org.pingzhi.jobs.rules.flow.IncidentRuleFunction;
import org.pingzhi.jobs.rules.flow.IncidentRuleRouting;
import org.pingzhi.jobs.rules.flow.RoutedBacklogChange;
import org.pingzhi.jobs.rules.flow.RoutedDecision;
import org.pingzhi.jobs.rules.flow.RoutedIncident;
import org.pingzhi.jobs.rules.flow.RoutedRecord;
import org.pingzhi.jobs.rules.flow.RuleAlertChanged;
import org.pingzhi.jobs.rules.flow.RuleStateDescriptors;
import org.pingzhi.jobs.rules.flow.SlaDecisionRouting;
import org.pingzhi.jobs.rules.flow.SurgeInput;
import org.pingzhi.jobs.rules.flow.SurgeRuleFunction;
import org.pingzhi.jobs.sla.SlaPolicy;
import org.pingzhi.jobs.time.TimeOptions;

/**
 * The rules' state, as a live run of a rules file leaves it: the sample of {@link StateFootprint}
 * goes through the lifecycle, the routings to the rules' groups (incidents, SLA decisions, records)
 * and the rule groups of each kind (Flink's operator harnesses, chained by hand), with a watermark
 * that trails the newest event time by the default out-of-orderness, as live; so groups that went
 * quiet have dropped their state and those left hold what their windows still need. The keyed state
 * of a snapshot of each kind's operator (its groups in the kind's own serializer), divided by the
 * keys that hold a group, is the figure. HOTSPOT and REPEAT_CALLER share an operator in the job;
 * here each has one, so that each kind has its figure.
 */
final class RuleStateFootprint {

    private static final long OUT_OF_ORDERNESS_MILLIS =
            TimeOptions.OUT_OF_ORDERNESS.defaultValue().toMillis();

    /** One operator's state per key that holds some, with the HashMap and the RocksDB backend. */
    record PerKey(long keys, long heapBytesPerKey, long rocksDbBytesPerKey) {}

    /**
     * @param groups per kind of the rules in force, in kind order: its groups (one per rule and
     *     group of its key)
     * @param routedIncidents the incidents the routing still remembers (pending or counted)
     */
    record Result(RulesFile rules, Map<RuleKind, PerKey> groups, PerKey routedIncidents) {}

    /** Keys holding state and the operator's snapshot bytes, in one run. */
    private record Keyed(long keys, long bytes) {}

    private record Run(Map<RuleKind, Keyed> groups, Keyed routing) {}

    private RuleStateFootprint() {}

    static Result measure(List<UnifiedEvent> sample, RulesFile rules, Path checkpoints)
            throws Exception {
        Run heap;
        Run rocksDb;
        try {
            heap = run(sample, rules, new HashMapStateBackend(), checkpoints);
            rocksDb = run(sample, rules, new EmbeddedRocksDBStateBackend(true), checkpoints);
        } finally {
            BenchInput.deleteRecursively(checkpoints);
        }
        Map<RuleKind, PerKey> groups = new EnumMap<>(RuleKind.class);
        heap.groups()
                .forEach(
                        (kind, keyed) ->
                                groups.put(kind, perKey(keyed, rocksDb.groups().get(kind))));
        return new Result(rules, groups, perKey(heap.routing(), rocksDb.routing()));
    }

    private static PerKey perKey(Keyed heap, Keyed rocksDb) {
        return new PerKey(
                heap.keys(),
                perKey(heap.bytes(), heap.keys()),
                perKey(rocksDb.bytes(), rocksDb.keys()));
    }

    private static long perKey(long bytes, long keys) {
        return keys == 0 ? 0 : bytes / keys;
    }

    private static Run run(
            List<UnifiedEvent> sample, RulesFile rules, StateBackend backend, Path checkpoints)
            throws Exception {
        Map<String, RuleKind> kindOfRule =
                rules.rules().stream().collect(Collectors.toMap(Rule::id, Rule::kind));
        KeyedOneInputStreamOperatorTestHarness<String, UnifiedEvent, IncidentChange> lifecycle =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new IncidentLifecycleFunction(
                                        SlaPolicy.defaultPolicy(), LifecycleSettings.live())),
                        UnifiedEvent::incidentId,
                        Types.STRING);
        CoBroadcastWithKeyedOperator<String, IncidentChange, RulesVersion, RoutedIncident>
                routingOperator =
                        new CoBroadcastWithKeyedOperator<>(
                                new IncidentRuleRouting(
                                        new RulesInForce(rules),
                                        LifecycleSettings.live().incidentLifetime()),
                                RulesInForce.DESCRIPTORS);
        KeyedBroadcastOperatorTestHarness<String, IncidentChange, RulesVersion, RoutedIncident>
                routing =
                        new KeyedBroadcastOperatorTestHarness<>(
                                routingOperator, IncidentChange::incidentId, Types.STRING, 1, 1, 0);
        BroadcastOperatorTestHarness<SlaEventChanged, RulesVersion, RoutedDecision> decisions =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new SlaDecisionRouting(new RulesInForce(rules)),
                        RulesInForce.DESCRIPTORS.toArray(new MapStateDescriptor<?, ?>[0]));
        BroadcastOperatorTestHarness<UnifiedEvent, RulesVersion, RoutedRecord> records =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new FeedRecordRouting(new RulesInForce(rules)),
                        RulesInForce.DESCRIPTORS.toArray(new MapStateDescriptor<?, ?>[0]));
        Groups<RoutedIncident, RulesVersion> hotspots =
                new Groups<>(
                        RuleKind.HOTSPOT, IncidentRuleFunction::new, rules, RoutedIncident::key);
        Groups<RoutedIncident, RulesVersion> repeatCallers =
                new Groups<>(
                        RuleKind.REPEAT_CALLER,
                        IncidentRuleFunction::new,
                        rules,
                        RoutedIncident::key);
        Groups<RoutedIncident, SurgeInput> surges =
                new Groups<>(
                        RuleKind.SURGE,
                        SurgeRuleFunction::new,
                        rules,
                        RoutedIncident::key,
                        SurgeRuleFunction.BROADCAST_STATES);
        Groups<RoutedRecord, RulesVersion> silences =
                new Groups<>(
                        RuleKind.FEED_SILENCE,
                        FeedSilenceRuleFunction::new,
                        rules,
                        RoutedRecord::key);
        Groups<RoutedDecision, RulesVersion> breachRates =
                new Groups<>(
                        RuleKind.BREACH_RATE,
                        BreachRateRuleFunction::new,
                        rules,
                        RoutedDecision::key);
        Groups<RoutedBacklogChange, RulesVersion> backlogs =
                new Groups<>(
                        RuleKind.BACKLOG,
                        BacklogRuleFunction::new,
                        rules,
                        RoutedBacklogChange::key);
        Map<RuleKind, Groups<?, ?>> groups = new EnumMap<>(RuleKind.class);
        for (Groups<?, ?> kind :
                List.of(hotspots, repeatCallers, surges, silences, breachRates, backlogs)) {
            groups.put(kind.kind, kind);
        }
        try {
            // the lifecycle only feeds the rules, its own state is StateFootprint's figure
            lifecycle.setup(IncidentChangeSerializer.INSTANCE);
            lifecycle.open();
            StateFootprint.useBackend(routing, backend, checkpoints.resolve("routing"));
            routing.open();
            for (Groups<?, ?> kind : groups.values()) {
                kind.open(backend, checkpoints.resolve(kind.kind.name()));
            }
            long watermark = Long.MIN_VALUE;
            // live merges the two topics by time; the sample is one file's records, then the
            // other's
            List<UnifiedEvent> byTime =
                    sample.stream()
                            .sorted(Comparator.comparingLong(UnifiedEvent::eventTime))
                            .toList();
            for (UnifiedEvent record : byTime) {
                lifecycle.processElement(record, record.eventTime());
                records.processElement(record, record.eventTime());
                long next = Math.max(watermark, record.eventTime() - OUT_OF_ORDERNESS_MILLIS);
                boolean moved = next > watermark;
                if (moved) {
                    watermark = next;
                    lifecycle.processWatermark(watermark);
                }
                drain(
                        lifecycle.getOutput(),
                        IncidentChange.class,
                        (change, timestamp) -> {
                            routing.processElement(change, timestamp);
                            if (change instanceof SlaEventChanged decision) {
                                decisions.processElement(decision, timestamp);
                            }
                        });
                if (moved) {
                    routing.watermark(watermark);
                    decisions.watermark(watermark);
                    records.watermark(watermark);
                }
                drain(
                        routing.getOutput(),
                        RoutedIncident.class,
                        (routed, timestamp) ->
                                (kindOfRule.get(routed.ruleId()) == RuleKind.HOTSPOT
                                                ? hotspots
                                                : repeatCallers)
                                        .add(routed, timestamp));
                drain(routing.getSideOutput(IncidentRuleRouting.SURGE), surges::add);
                drain(
                        routing.getSideOutput(IncidentRuleRouting.HISTORY),
                        (start, timestamp) ->
                                surges.broadcast(SurgeInput.historyStart(start), timestamp));
                drain(routing.getSideOutput(IncidentRuleRouting.BACKLOG), backlogs::add);
                drain(decisions.getOutput(), RoutedDecision.class, breachRates::add);
                drain(records.getOutput(), RoutedRecord.class, silences::add);
                if (moved) {
                    for (Groups<?, ?> kind : groups.values()) {
                        kind.watermark(watermark);
                    }
                }
            }
            Map<RuleKind, Keyed> measured = new EnumMap<>(RuleKind.class);
            for (Rule rule : rules.enabledRules()) {
                if (!measured.containsKey(rule.kind())) {
                    measured.put(rule.kind(), groups.get(rule.kind()).measure());
                }
            }
            return new Run(
                    measured,
                    new Keyed(
                            keys(routingOperator, RuleStateDescriptors.PENDING.getName())
                                    + keys(
                                            routingOperator,
                                            RuleStateDescriptors.COUNTED_UNTIL.getName()),
                            StateFootprint.keyedStateBytes(routing)));
        } finally {
            for (Groups<?, ?> kind : groups.values()) {
                kind.harness.close();
            }
            records.close();
            decisions.close();
            routing.close();
            lifecycle.close();
        }
    }

    /**
     * One kind's rule groups: its operator, keyed by rule and group as in the job, on the run's
     * backend; the alerts it emits are dropped (nothing needs to keep them).
     */
    private static final class Groups<I, B> {

        final RuleKind kind;
        final CoBroadcastWithKeyedOperator<String, I, B, RuleAlertChanged> operator;
        final KeyedBroadcastOperatorTestHarness<String, I, B, RuleAlertChanged> harness;

        /** A kind whose broadcast input is the rules versions. */
        Groups(
                RuleKind kind,
                RuleFunction<I, B> function,
                RulesFile rules,
                KeySelector<I, String> key)
                throws Exception {
            this(kind, function, rules, key, RulesInForce.DESCRIPTORS);
        }

        Groups(
                RuleKind kind,
                RuleFunction<I, B> function,
                RulesFile rules,
                KeySelector<I, String> key,
                List<MapStateDescriptor<?, ?>> broadcast)
                throws Exception {
            this.kind = kind;
            this.operator =
                    new CoBroadcastWithKeyedOperator<>(
                            function.of(
                                    new RulesInForce(rules),
                                    TownDirectory.standard(),
                                    Long.MAX_VALUE),
                            broadcast);
            this.harness =
                    new KeyedBroadcastOperatorTestHarness<>(operator, key, Types.STRING, 1, 1, 0);
        }

        void open(StateBackend backend, Path checkpoints) throws Exception {
            StateFootprint.useBackend(harness, backend, checkpoints);
            harness.open();
        }

        void add(I value, long timestamp) throws Exception {
            harness.processElement(value, timestamp);
        }

        void broadcast(B value, long timestamp) throws Exception {
            harness.processBroadcastElement(value, timestamp);
        }

        void watermark(long watermark) throws Exception {
            harness.watermark(watermark);
            harness.getOutput().clear();
            Queue<?> marks = harness.getSideOutput(IncidentRuleFunction.MARKS);
            if (marks != null) { // null but for HOTSPOT and REPEAT_CALLER, until the first mark
                marks.clear();
            }
        }

        Keyed measure() throws Exception {
            return new Keyed(
                    keys(operator, RuleStateDescriptors.groupStateName(kind)),
                    StateFootprint.keyedStateBytes(harness));
        }
    }

    /** A rule kind's operator function, as its constructor makes it (no horizon: live). */
    @FunctionalInterface
    private interface RuleFunction<I, B> {
        KeyedBroadcastProcessFunction<String, I, B, RuleAlertChanged> of(
                RulesInForce rules, TownDirectory towns, long horizon);
    }

    /**
     * Hands the records of an output so far to {@code next} with their timestamps, and drops them.
     */
    private static <T> void drain(Queue<Object> output, Class<T> type, Downstream<T> next)
            throws Exception {
        for (Object element = output.poll(); element != null; element = output.poll()) {
            if (element instanceof StreamRecord<?> record) {
                next.accept(type.cast(record.getValue()), record.getTimestamp());
            }
        }
    }

    /** Hands the records of a side output so far to {@code next}, and drops them. */
    private static <T> void drain(Queue<StreamRecord<T>> side, Downstream<T> next)
            throws Exception {
        if (side == null) { // nothing went to it yet
            return;
        }
        for (StreamRecord<T> record = side.poll(); record != null; record = side.poll()) {
            next.accept(record.getValue(), record.getTimestamp());
        }
    }

    /** Where an output's records go next: another harness's input. */
    @FunctionalInterface
    private interface Downstream<T> {
        void accept(T value, long timestamp) throws Exception;
    }

    private static long keys(AbstractStreamOperator<?> operator, String state) {
        try (Stream<String> keys =
                operator.<String>getKeyedStateBackend().getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }
}
