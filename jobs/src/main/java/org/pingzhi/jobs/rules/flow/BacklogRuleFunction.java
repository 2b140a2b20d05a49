package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.jobs.rules.BacklogEpisodes;
import org.pingzhi.jobs.rules.control.RulesInForce;

/**
 * The BACKLOG rules, keyed by rule and town ({@link RoutedBacklogChange#key}), fed by when each
 * incident of the town is open: once at its reportedAt, again when it ends. Minute ends are walked
 * as the watermark passes them. A change is taken only by the rule as it was when the routing
 * counted the incident ({@link RoutedBacklogChange#generation}): a changed rule's group never sees
 * the end of an incident it did not count.
 */
public final class BacklogRuleFunction
        extends RuleGroupFunction<RoutedBacklogChange, BacklogEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "backlog-rules";
    public static final String NAME = "Backlog rules (BACKLOG)";

    public BacklogRuleFunction(RulesInForce rules, TownDirectory towns, long horizon) {
        super(RuleStateDescriptors.BACKLOG, RuleKind.BACKLOG, rules, towns, horizon);
    }

    @Override
    String ruleIdOf(RoutedBacklogChange change) {
        return change.ruleId();
    }

    @Override
    boolean takes(Rule rule, RoutedBacklogChange change, ReadOnlyBroadcastState<String, Long> since)
            throws Exception {
        return change.generation() == RulesInForce.generation(since, rule.id());
    }

    @Override
    BacklogEpisodes newGroup(Rule rule, RoutedBacklogChange change) {
        return new BacklogEpisodes((BacklogRule) rule, change.group());
    }

    @Override
    void add(BacklogEpisodes state, RoutedBacklogChange change, long eventTime) {
        state.change(change.before(), change.after(), eventTime);
    }
}
