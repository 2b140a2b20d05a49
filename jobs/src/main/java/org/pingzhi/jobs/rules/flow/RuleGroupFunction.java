package org.pingzhi.jobs.rules.flow;

import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.jobs.rules.RuleGroupState;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * A windowed rule keyed by rule and group with one input and the rules in force broadcast, its
 * window logic in {@link RuleGroupStore}: a kind says how its group's state starts and takes an
 * input, and whether the rule in force takes an input that was routed to it (the versions reach the
 * routing and this operator one after the other). An input refused by the state is behind an
 * instant already decided (by the walk or by the watermark it meets) and leaves what fired as it
 * was (contract rules.md, "Live and replay").
 */
abstract class RuleGroupFunction<I, S extends RuleGroupState>
        extends KeyedBroadcastProcessFunction<String, I, RulesVersion, RuleAlertChanged>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final RuleGroupStore<S> store;

    RuleGroupFunction(
            ValueStateDescriptor<S> groupDescriptor,
            RuleKind kind,
            RulesInForce rules,
            TownDirectory towns,
            long horizon) {
        this.store = new RuleGroupStore<>(groupDescriptor, kind, rules, towns, horizon);
    }

    /** The rule the input is for. */
    abstract String ruleIdOf(I input);

    /**
     * Whether {@code rule}, in force here, takes the input routed to it: it puts it in the same
     * group (and, where the kind needs it, the input was counted for it as it is now).
     */
    abstract boolean takes(Rule rule, I input, ReadOnlyBroadcastState<String, Long> since)
            throws Exception;

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
    public void processElement(I input, ReadOnlyContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        ReadOnlyBroadcastState<String, Long> since = ctx.getBroadcastState(RulesInForce.SINCE);
        Optional<Rule> rule = store.rule(store.inForce(ctx), ruleIdOf(input));
        if (rule.isEmpty() || !takes(rule.get(), input, since)) {
            return;
        }
        S state = store.current();
        if (state == null) {
            state = newGroup(rule.get(), input);
        }
        add(state, input, store.eventTime(ctx.timerService()));
        store.store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        store.wakeUp(ctx, timestamp, state -> {}, out::collect);
    }

    @Override
    public void processBroadcastElement(
            RulesVersion version, Context ctx, Collector<RuleAlertChanged> out) throws Exception {
        store.replace(ctx, version, out::collect);
    }
}
