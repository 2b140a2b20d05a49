package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.RuleGroups;

/**
 * One source's valid records to the group of every FEED_SILENCE rule of that source they are a sign
 * of life for: the whole source, or the town the record names itself.
 */
public final class FeedRecordRouting implements FlatMapFunction<UnifiedEvent, RoutedRecord> {

    private static final long serialVersionUID = 1L;

    private final RulesFile rules;

    public FeedRecordRouting(RulesFile rules) {
        this.rules = rules;
    }

    public static String uid(Source source) {
        return "feed-record-routing-" + source.code();
    }

    public static String name(Source source) {
        return "Records " + source.code() + " to feed silence rules";
    }

    @Override
    public void flatMap(UnifiedEvent record, Collector<RoutedRecord> out) {
        for (Rule rule : rules.enabledRules()) {
            if (rule instanceof FeedSilenceRule silence) {
                RuleGroups.of(silence, record.source().code(), record.townCode())
                        .ifPresent(
                                group ->
                                        out.collect(
                                                new RoutedRecord(
                                                        rule.id(), group, record.eventTime())));
            }
        }
    }
}
