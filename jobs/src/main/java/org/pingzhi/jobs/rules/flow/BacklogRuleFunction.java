package org.pingzhi.jobs.rules.flow;

import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.BacklogRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.BacklogEpisodes;

/**
 * The BACKLOG rules, keyed by rule and town ({@link RoutedBacklogChange#key}), fed by when each
 * incident of the town is open: once at its reportedAt, again when it ends. Minute ends are walked
 * as the watermark passes them.
 */
public final class BacklogRuleFunction
        extends RuleGroupFunction<RoutedBacklogChange, BacklogEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "backlog-rules";
    public static final String NAME = "Backlog rules (BACKLOG)";

    public BacklogRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        super(RuleStateDescriptors.BACKLOG, rules, towns, horizon);
    }

    @Override
    String ruleIdOf(RoutedBacklogChange change) {
        return change.ruleId();
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
