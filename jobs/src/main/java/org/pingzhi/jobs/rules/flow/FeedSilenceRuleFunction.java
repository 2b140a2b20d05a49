package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.FeedSilenceEpisodes;

/**
 * The FEED_SILENCE rules of one source, keyed by rule and group ({@link RoutedRecord#key}), fed by
 * that source's valid records before they meet the other source's: its timers follow the source's
 * own watermark, which live follows the wall clock while the source is idle, so a silence fires
 * within a few seconds of its instant while the other source carries on.
 */
public final class FeedSilenceRuleFunction
        extends KeyedProcessFunction<String, RoutedRecord, RuleAlertChanged> {

    private static final long serialVersionUID = 1L;

    private final RuleGroupStore<FeedSilenceEpisodes> store;

    public FeedSilenceRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        this.store = new RuleGroupStore<>(RuleStateDescriptors.FEED_SILENCE, rules, towns, horizon);
    }

    public static String uid(Source source) {
        return "feed-silence-rules-" + source.code();
    }

    public static String name(Source source) {
        return "Feed silence rules (FEED_SILENCE " + source.code() + ")";
    }

    @Override
    public void open(OpenContext openContext) {
        store.open(getRuntimeContext());
    }

    @Override
    public void processElement(RoutedRecord record, Context ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        FeedSilenceEpisodes state = store.current();
        if (state == null) {
            state =
                    new FeedSilenceEpisodes(
                            (FeedSilenceRule) store.rule(record.ruleId()), record.group());
        }
        // A record behind a walked instant cannot withdraw the silence that fired before it.
        state.add(record.at());
        store.store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        store.wakeUp(ctx.getCurrentKey(), timestamp, ctx.timerService(), state -> {}, out::collect);
    }
}
