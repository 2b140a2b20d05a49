package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.BreachRateEpisodes;

/**
 * The BREACH_RATE rules, keyed by rule and town ({@link RoutedDecision#key}), fed by the SLA
 * decisions the lifecycle books; each window is judged when the watermark passes its end.
 */
public final class BreachRateRuleFunction
        extends KeyedProcessFunction<String, RoutedDecision, RuleAlertChanged> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "breach-rate-rules";
    public static final String NAME = "Breach rate rules (BREACH_RATE)";

    private final RuleGroupStore<BreachRateEpisodes> store;

    public BreachRateRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        this.store = new RuleGroupStore<>(RuleStateDescriptors.BREACH_RATE, rules, towns, horizon);
    }

    @Override
    public void open(OpenContext openContext) {
        store.open(getRuntimeContext());
    }

    @Override
    public void processElement(RoutedDecision routed, Context ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        BreachRateEpisodes state = store.current();
        if (state == null) {
            state =
                    new BreachRateEpisodes(
                            (BreachRateRule) store.rule(routed.ruleId()), routed.group());
        }
        // A decision in a window already judged leaves that window's outcome as it was.
        state.add(routed.decision());
        store.store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        store.wakeUp(ctx.getCurrentKey(), timestamp, ctx.timerService(), state -> {}, out::collect);
    }
}
