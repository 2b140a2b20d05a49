package org.pingzhi.jobs.rules.flow;

import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.rules.FeedSilenceRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * One source's valid records to the group of every FEED_SILENCE rule of that source they are a sign
 * of life for: the whole source, or the town the record names itself. The rules are those in force
 * ({@link RulesInForce}).
 */
public final class FeedRecordRouting
        extends BroadcastProcessFunction<UnifiedEvent, RulesVersion, RoutedRecord> {

    private static final long serialVersionUID = 1L;

    private final RulesInForce rules;

    public FeedRecordRouting(RulesInForce rules) {
        this.rules = rules;
    }

    public static String uid(Source source) {
        return "feed-record-routing-" + source.code();
    }

    public static String name(Source source) {
        return "Records " + source.code() + " to feed silence rules";
    }

    @Override
    public void processElement(
            UnifiedEvent record, ReadOnlyContext ctx, Collector<RoutedRecord> out)
            throws Exception {
        for (Rule rule : rules.get(ctx.getBroadcastState(RulesInForce.STATE)).enabledRules()) {
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

    @Override
    public void processBroadcastElement(
            RulesVersion version, Context ctx, Collector<RoutedRecord> out) throws Exception {
        rules.replace(
                ctx.getBroadcastState(RulesInForce.STATE),
                ctx.getBroadcastState(RulesInForce.SINCE),
                version);
    }
}
