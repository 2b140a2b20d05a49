package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.BacklogEpisodes;

/**
 * The BACKLOG rules, keyed by rule and town ({@link RoutedBacklogChange#key}), fed by when each
 * incident of the town is open: once at its reportedAt, again when it ends. Minute ends are walked
 * as the watermark passes them.
 */
public final class BacklogRuleFunction
        extends KeyedProcessFunction<String, RoutedBacklogChange, RuleAlertChanged> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "backlog-rules";
    public static final String NAME = "Backlog rules (BACKLOG)";

    private final RuleGroupStore<BacklogEpisodes> store;

    public BacklogRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        this.store = new RuleGroupStore<>(RuleStateDescriptors.BACKLOG, rules, towns, horizon);
    }

    @Override
    public void open(OpenContext openContext) {
        store.open(getRuntimeContext());
    }

    @Override
    public void processElement(
            RoutedBacklogChange change, Context ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        BacklogEpisodes state = store.current();
        if (state == null) {
            state = new BacklogEpisodes((BacklogRule) store.rule(change.ruleId()), change.group());
        }
        // A change of a minute end already walked leaves the runs walked as they were.
        state.change(change.before(), change.after());
        store.store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        store.wakeUp(ctx.getCurrentKey(), timestamp, ctx.timerService(), state -> {}, out::collect);
    }
}
