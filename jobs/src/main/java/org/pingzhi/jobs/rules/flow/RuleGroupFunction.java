package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.RuleGroupState;

/**
 * A windowed rule keyed by rule and group with one input, its window logic in {@link
 * RuleGroupStore}: a kind says how its group's state starts and takes an input. An input refused by
 * the state is behind an instant already decided (by the walk or by the watermark it meets) and
 * leaves what fired as it was (contract rules.md, "Live and replay").
 */
abstract class RuleGroupFunction<I, S extends RuleGroupState>
        extends KeyedProcessFunction<String, I, RuleAlertChanged> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final RuleGroupStore<S> store;

    RuleGroupFunction(
            ValueStateDescriptor<S> groupDescriptor,
            RulesFile rules,
            TownDirectory towns,
            long horizon) {
        this.store = new RuleGroupStore<>(groupDescriptor, rules, towns, horizon);
    }

    /** The rule the input is for. */
    abstract String ruleIdOf(I input);

    /** The state of the input's group before anything was added. */
    abstract S newGroup(Rule rule, I input);

    /**
     * Adds the input, learned at {@code eventTime} ({@link RuleGroupStore#eventTime}), to its
     * group's state.
     */
    abstract void add(S state, I input, long eventTime);

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
    public void processElement(I input, Context ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        S state = store.current();
        if (state == null) {
            state = newGroup(store.rule(ruleIdOf(input)), input);
        }
        add(state, input, store.eventTime(ctx.timerService()));
        store.store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        store.wakeUp(ctx.getCurrentKey(), timestamp, ctx.timerService(), state -> {}, out::collect);
    }
}
