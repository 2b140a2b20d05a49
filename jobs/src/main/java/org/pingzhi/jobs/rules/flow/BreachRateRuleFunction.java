package org.pingzhi.jobs.rules.flow;

import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.BreachRateEpisodes;

/**
 * The BREACH_RATE rules, keyed by rule and town ({@link RoutedDecision#key}), fed by the SLA
 * decisions the lifecycle books; each window is judged when the watermark passes its end.
 */
public final class BreachRateRuleFunction
        extends RuleGroupFunction<RoutedDecision, BreachRateEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "breach-rate-rules";
    public static final String NAME = "Breach rate rules (BREACH_RATE)";

    public BreachRateRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
        super(RuleStateDescriptors.BREACH_RATE, rules, towns, horizon);
    }

    @Override
    String ruleIdOf(RoutedDecision routed) {
        return routed.ruleId();
    }

    @Override
    BreachRateEpisodes newGroup(Rule rule, RoutedDecision routed) {
        return new BreachRateEpisodes((BreachRateRule) rule, routed.group());
    }

    @Override
    void add(BreachRateEpisodes state, RoutedDecision routed, long eventTime) {
        state.add(routed.decision(), eventTime);
    }
}
