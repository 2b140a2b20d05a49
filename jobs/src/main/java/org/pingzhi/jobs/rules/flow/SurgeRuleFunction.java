package org.pingzhi.jobs.rules.flow;

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
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.SurgeRule;
import org.pingzhi.jobs.rules.SurgeEpisodes;

/**
 * The SURGE rules, keyed by rule and group ({@link RoutedIncident#key}), fed by the incidents once
 * each at their reportedAt, and by the history start broadcast from the routing: the earliest
 * reportedAt of all incidents seen, whatever their group. Both come in event time, so when the
 * watermark passes an instant every incident at or before it has lowered the history start, and a
 * window is judged against the same history as a replay of the same records judges it.
 */
public final class SurgeRuleFunction
        extends KeyedBroadcastProcessFunction<String, RoutedIncident, Long, RuleAlertChanged>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    public static final String UID = "surge-rules";
    public static final String NAME = "Surge rules (SURGE)";

    /** The broadcast state of the history start, for the graph's broadcast of it. */
    public static final MapStateDescriptor<String, Long> HISTORY_START =
            RuleStateDescriptors.HISTORY_START;

    private final RuleGroupStore<SurgeEpisodes> store;

    public SurgeRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        this.store = new RuleGroupStore<>(RuleStateDescriptors.SURGE, rules, towns, horizon);
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
        SurgeEpisodes state = store.current();
        if (state == null) {
            long seen = historyStart(ctx.getBroadcastState(RuleStateDescriptors.HISTORY_START));
            state =
                    new SurgeEpisodes(
                            (SurgeRule) store.rule(routed.ruleId()),
                            routed.group(),
                            Math.min(seen, routed.incident().reportedAt()));
        }
        // A refused incident is behind an instant already decided: the alerts that fired stay.
        state.add(routed.incident(), store.eventTime(ctx.timerService()));
        store.store(state, ctx.timerService());
    }

    @Override
    public void processBroadcastElement(
            Long reportedAt, Context ctx, Collector<RuleAlertChanged> out) throws Exception {
        BroadcastState<String, Long> history =
                ctx.getBroadcastState(RuleStateDescriptors.HISTORY_START);
        if (reportedAt < historyStart(history)) {
            history.put(RuleStateDescriptors.EARLIEST, reportedAt);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        long seen = historyStart(ctx.getBroadcastState(RuleStateDescriptors.HISTORY_START));
        store.wakeUp(
                ctx.getCurrentKey(),
                timestamp,
                ctx.timerService(),
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
