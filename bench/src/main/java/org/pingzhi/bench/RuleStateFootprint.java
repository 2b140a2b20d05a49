package org.pingzhi.bench;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChangeSerializer;
import org.pingzhi.jobs.lifecycle.IncidentLifecycleFunction;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.rules.flow.IncidentRuleFunction;
import org.pingzhi.jobs.rules.flow.IncidentRuleRouting;
import org.pingzhi.jobs.rules.flow.RoutedIncident;
import org.pingzhi.jobs.rules.flow.RuleAlertChanged;
import org.pingzhi.jobs.rules.flow.RuleStateDescriptors;
import org.pingzhi.jobs.sla.SlaPolicy;
import org.pingzhi.jobs.time.TimeOptions;

/**
 * The incident rules' state, as a live run of a rules file leaves it: the sample of {@link
 * StateFootprint} goes through the lifecycle, the routing of incidents to their rules' groups and
 * the rule groups (Flink's keyed operator harnesses, chained by hand), with a watermark that trails
 * the newest event time by the default out-of-orderness, as live; so groups that went quiet have
 * dropped their state and those left hold what their windows still need. The keyed state of a
 * snapshot of each rule operator, divided by the keys that hold state, is the figure.
 */
final class RuleStateFootprint {

    private static final long OUT_OF_ORDERNESS_MILLIS =
            TimeOptions.OUT_OF_ORDERNESS.defaultValue().toMillis();

    /** One operator's state per key that holds some, with the HashMap and the RocksDB backend. */
    record PerKey(long keys, long heapBytesPerKey, long rocksDbBytesPerKey) {}

    /**
     * @param groups the rule groups (one per rule and group of its key)
     * @param routedIncidents the incidents the routing still remembers (pending or counted)
     */
    record Result(RulesFile rules, PerKey groups, PerKey routedIncidents) {}

    /** Keys holding state and their snapshot bytes, per rule operator, in one run. */
    private record Run(long groups, long groupBytes, long incidents, long routingBytes) {}

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
        return new Result(
                rules,
                new PerKey(
                        heap.groups(),
                        perKey(heap.groupBytes(), heap.groups()),
                        perKey(rocksDb.groupBytes(), rocksDb.groups())),
                new PerKey(
                        heap.incidents(),
                        perKey(heap.routingBytes(), heap.incidents()),
                        perKey(rocksDb.routingBytes(), rocksDb.incidents())));
    }

    private static long perKey(long bytes, long keys) {
        return keys == 0 ? 0 : bytes / keys;
    }

    private static Run run(
            List<UnifiedEvent> sample, RulesFile rules, StateBackend backend, Path checkpoints)
            throws Exception {
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
        CoBroadcastWithKeyedOperator<String, RoutedIncident, RulesVersion, RuleAlertChanged>
                groupsOperator =
                        new CoBroadcastWithKeyedOperator<>(
                                new IncidentRuleFunction(
                                        new RulesInForce(rules),
                                        TownDirectory.standard(),
                                        Long.MAX_VALUE),
                                RulesInForce.DESCRIPTORS);
        KeyedBroadcastOperatorTestHarness<String, RoutedIncident, RulesVersion, RuleAlertChanged>
                groups =
                        new KeyedBroadcastOperatorTestHarness<>(
                                groupsOperator, RoutedIncident::key, Types.STRING, 1, 1, 0);
        try {
            // the lifecycle only feeds the rules, its own state is StateFootprint's figure
            lifecycle.setup(IncidentChangeSerializer.INSTANCE);
            lifecycle.open();
            StateFootprint.useBackend(routing, backend, checkpoints.resolve("routing"));
            routing.open();
            StateFootprint.useBackend(groups, backend, checkpoints.resolve("groups"));
            groups.open();
            long watermark = Long.MIN_VALUE;
            // live merges the two topics by time; the sample is one file's records, then the
            // other's
            List<UnifiedEvent> byTime =
                    sample.stream()
                            .sorted(Comparator.comparingLong(UnifiedEvent::eventTime))
                            .toList();
            for (UnifiedEvent record : byTime) {
                lifecycle.processElement(record, record.eventTime());
                drain(lifecycle, IncidentChange.class, routing::processElement);
                long next = Math.max(watermark, record.eventTime() - OUT_OF_ORDERNESS_MILLIS);
                if (next > watermark) {
                    watermark = next;
                    routing.watermark(watermark);
                }
                drain(routing, RoutedIncident.class, groups::processElement);
                groups.watermark(watermark);
                // the alerts and marks are not measured here: nothing needs to keep them
                groups.getOutput().clear();
                Queue<?> marks = groups.getSideOutput(IncidentRuleFunction.MARKS);
                if (marks != null) { // null until the first mark
                    marks.clear();
                }
            }
            return new Run(
                    keys(groupsOperator, RuleStateDescriptors.GROUP.getName()),
                    StateFootprint.keyedStateBytes(groups),
                    keys(routingOperator, RuleStateDescriptors.PENDING.getName())
                            + keys(routingOperator, RuleStateDescriptors.COUNTED_UNTIL.getName()),
                    StateFootprint.keyedStateBytes(routing));
        } finally {
            groups.close();
            routing.close();
            lifecycle.close();
        }
    }

    /** Hands the harness's records so far to {@code next} with their timestamps, and drops them. */
    private static <T> void drain(
            AbstractStreamOperatorTestHarness<?> harness, Class<T> type, Downstream<T> next)
            throws Exception {
        Queue<Object> output = harness.getOutput();
        for (Object element = output.poll(); element != null; element = output.poll()) {
            if (element instanceof StreamRecord<?> record) {
                next.accept(type.cast(record.getValue()), record.getTimestamp());
            }
        }
    }

    /** What a harness's records go to next: another harness's {@code processElement}. */
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
