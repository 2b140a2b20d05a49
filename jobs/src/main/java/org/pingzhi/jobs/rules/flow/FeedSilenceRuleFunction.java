package org.pingzhi.jobs.rules.flow;

import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.FeedSilenceEpisodes;

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

    public FeedSilenceRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        super(RuleStateDescriptors.FEED_SILENCE, rules, towns, horizon);
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
    FeedSilenceEpisodes newGroup(Rule rule, RoutedRecord record) {
        return new FeedSilenceEpisodes((FeedSilenceRule) rule, record.group());
    }

    @Override
    void add(FeedSilenceEpisodes state, RoutedRecord record, long eventTime) {
        state.add(record.at());
    }
}
