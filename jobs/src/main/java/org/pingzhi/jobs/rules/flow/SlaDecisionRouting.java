package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.SlaEventDocument;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.SlaDecision;

/**
 * The lifecycle's SLA events as BREACH_RATE decisions, to every BREACH_RATE rule's town: a MET at
 * its response time, a BREACH at its deadline. The lifecycle emits each once, when the watermark
 * reaches its instant; a withdrawal re-emits it as retracted, which cannot withdraw a window
 * already judged and is not a decision.
 */
public final class SlaDecisionRouting implements FlatMapFunction<SlaEventChanged, RoutedDecision> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "sla-decision-routing";
    public static final String NAME = "SLA decisions to their towns' rules";

    private static final String MET = "MET";
    private static final String BREACH = "BREACH";

    private final RulesFile rules;

    public SlaDecisionRouting(RulesFile rules) {
        this.rules = rules;
    }

    @Override
    public void flatMap(SlaEventChanged changed, Collector<RoutedDecision> out) {
        SlaEventDocument event = changed.event();
        boolean met = MET.equals(event.type());
        if (event.retracted() || !(met || BREACH.equals(event.type()))) {
            return;
        }
        String incidentId = event.incidentId();
        // The SLA event does not carry the priority: a priorities filter admits no decision.
        SlaDecision decision =
                new SlaDecision(
                        incidentId,
                        event.townCode(),
                        incidentId.substring(0, incidentId.indexOf('-')),
                        event.category(),
                        null,
                        Times.parseIso(event.at()),
                        !met);
        for (Rule rule : rules.enabledRules()) {
            if (rule instanceof BreachRateRule breachRate) {
                RuleGroups.of(breachRate, decision)
                        .ifPresent(
                                group ->
                                        out.collect(
                                                new RoutedDecision(rule.id(), group, decision)));
            }
        }
    }
}
