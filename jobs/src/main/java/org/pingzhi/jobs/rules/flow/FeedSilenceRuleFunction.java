package org.pingzhi.jobs.rules.flow;

import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.jobs.rules.FeedSilenceEpisodes;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.control.RulesInForce;

/**
 * The FEED_SILENCE rules of one source, keyed by rule and group ({@link RoutedRecord#key}), fed by
 * that source's valid records before they meet the other source's: its timers follow the source's
 * own watermark, which live follows the wall clock while the source is idle, so a silence fires
 * within a few seconds of its instant while the other source carries on. A group never goes quiet
 * once it had a record: a silence is judged after every record, however long ago (one state per
 * rule and group).
 */
public final class FeedSilenceRuleFunction
        extends RuleGroupFunction<RoutedRecord, FeedSilenceEpisodes> {

    private static final long serialVersionUID = 1L;

    public FeedSilenceRuleFunction(RulesInForce rules, TownDirectory towns, long horizon) {
        super(RuleStateDescriptors.FEED_SILENCE, RuleKind.FEED_SILENCE, rules, towns, horizon);
    }

    public static String uid(Source source) {
        return "feed-silence-rules-" + source.code();
    }

    public static String name(Source source) {
        return "Feed silence rules (FEED_SILENCE " + source.code() + ")";
    }

    @Override
    String ruleIdOf(RoutedRecord record) {
        return record.ruleId();
    }

    @Override
    boolean takes(Rule rule, RoutedRecord record, ReadOnlyBroadcastState<String, Long> since) {
        List<String> group = record.group();
        return RuleGroups.of(
                        (FeedSilenceRule) rule,
                        group.get(0),
                        group.size() > 1 ? group.get(1) : null)
                .equals(Optional.of(group));
    }

    @Override
    FeedSilenceEpisodes newGroup(Rule rule, RoutedRecord record) {
        return new FeedSilenceEpisodes((FeedSilenceRule) rule, record.group());
    }

    @Override
    void add(FeedSilenceEpisodes state, RoutedRecord record, long eventTime) {
        state.add(record.at());
    }
}
