package org.pingzhi.jobs.rules.flow;

import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.SurgeRule;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.SurgeEpisodes;
import org.pingzhi.jobs.rules.control.RulesInForce;

/**
 * The SURGE rules, keyed by rule and group ({@link RoutedIncident#key}), fed by the incidents once
 * each at their reportedAt, and by the history start broadcast from the routing: the earliest
 * reportedAt of all incidents seen, whatever their group. Both come in event time, so when the
 * watermark passes an instant every incident at or before it has lowered the history start, and a
 * window is judged against the same history as a replay of the same records judges it.
 *
 * <p>The rules in force come broadcast too ({@link SurgeInput#version}, see {@link
 * RuleGroupStore}): a rule published live counted nothing before it came into force, so its history
 * starts no earlier than the first window from then on.
 */
public final class SurgeRuleFunction
        extends KeyedBroadcastProcessFunction<String, RoutedIncident, SurgeInput, RuleAlertChanged>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    public static final String UID = "surge-rules";
    public static final String NAME = "Surge rules (SURGE)";

    /** The broadcast states, for the graph's broadcast of the rules and the history start. */
    public static final List<MapStateDescriptor<?, ?>> BROADCAST_STATES =
            List.of(RulesInForce.STATE, RulesInForce.SINCE, RuleStateDescriptors.HISTORY_START);

    private final RuleGroupStore<SurgeEpisodes> store;

    public SurgeRuleFunction(RulesInForce rules, TownDirectory towns, long horizon) {
        this.store =
                new RuleGroupStore<>(
                        RuleStateDescriptors.SURGE, RuleKind.SURGE, rules, towns, horizon);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        store.initializeState(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        store.snapshotState();
    }

    @Override
    public void open(OpenContext openContext) {
        store.open(getRuntimeContext());
    }

    @Override
    public void processElement(
            RoutedIncident routed, ReadOnlyContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        Optional<Rule> rule =
                store.rule(store.inForce(ctx), routed.ruleId())
                        .filter(
                                inForce ->
                                        RuleGroups.of(inForce, routed.incident())
                                                .equals(Optional.of(routed.group())));
        if (rule.isEmpty()) {
            return;
        }
        SurgeEpisodes state = store.current();
        if (state == null) {
            long seen = historyStart(ctx.getBroadcastState(RuleStateDescriptors.HISTORY_START));
            state =
                    new SurgeEpisodes(
                            (SurgeRule) rule.get(),
                            routed.group(),
                            Math.min(seen, routed.incident().reportedAt()),
                            RulesInForce.inForceFrom(
                                    ctx.getBroadcastState(RulesInForce.SINCE), routed.ruleId()));
        }
        // A refused incident is behind an instant already decided: the alerts that fired stay.
        state.add(routed.incident(), store.eventTime(ctx.timerService()));
        store.store(state, ctx.timerService());
    }

    @Override
    public void processBroadcastElement(
            SurgeInput input, Context ctx, Collector<RuleAlertChanged> out) throws Exception {
        if (input.version() != null) {
            store.replace(ctx, input.version(), out::collect);
            return;
        }
        BroadcastState<String, Long> history =
                ctx.getBroadcastState(RuleStateDescriptors.HISTORY_START);
        if (input.historyStart() < historyStart(history)) {
            history.put(RuleStateDescriptors.EARLIEST, input.historyStart());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        long seen = historyStart(ctx.getBroadcastState(RuleStateDescriptors.HISTORY_START));
        store.wakeUp(
                ctx,
                timestamp,
                state -> {
                    if (seen != Long.MAX_VALUE) {
                        state.historySeenFrom(seen);
                    }
                },
                out::collect);
    }

    private static long historyStart(ReadOnlyBroadcastState<String, Long> history)
            throws Exception {
        Long earliest = history.get(RuleStateDescriptors.EARLIEST);
        return earliest == null ? Long.MAX_VALUE : earliest;
    }
}
