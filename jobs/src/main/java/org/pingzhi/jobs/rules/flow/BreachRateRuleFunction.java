package org.pingzhi.jobs.rules.flow;

import java.util.Optional;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.jobs.rules.BreachRateEpisodes;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.control.RulesInForce;

/**
 * The BREACH_RATE rules, keyed by rule and town ({@link RoutedDecision#key}), fed by the SLA
 * decisions the lifecycle books; each window is judged when the watermark passes its end.
 */
public final class BreachRateRuleFunction
        extends RuleGroupFunction<RoutedDecision, BreachRateEpisodes> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "breach-rate-rules";
    public static final String NAME = "Breach rate rules (BREACH_RATE)";

    public BreachRateRuleFunction(RulesInForce rules, TownDirectory towns, long horizon) {
        super(RuleStateDescriptors.BREACH_RATE, RuleKind.BREACH_RATE, rules, towns, horizon);
    }

    @Override
    String ruleIdOf(RoutedDecision routed) {
        return routed.ruleId();
    }

    @Override
    boolean takes(Rule rule, RoutedDecision routed, ReadOnlyBroadcastState<String, Long> since) {
        return RuleGroups.of((BreachRateRule) rule, routed.decision())
                .equals(Optional.of(routed.group()));
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
