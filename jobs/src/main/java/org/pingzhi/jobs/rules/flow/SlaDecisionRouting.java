package org.pingzhi.jobs.rules.flow;

import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.SlaEventDocument;
import org.pingzhi.common.rules.BreachRateRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.SlaDecision;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * The lifecycle's SLA events as BREACH_RATE decisions, to every BREACH_RATE rule's town: a MET at
 * its response time, a BREACH at its deadline, once per incident: the event that announces the fact
 * ({@link SlaEventChanged#decision}), not its re-emissions when what it says about the incident
 * changed (a handover joined it) nor its withdrawal, which cannot withdraw a window already judged.
 * The incident's priority comes with the event (its document does not carry it). The rules are
 * those in force ({@link RulesInForce}).
 */
public final class SlaDecisionRouting
        extends BroadcastProcessFunction<SlaEventChanged, RulesVersion, RoutedDecision> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "sla-decision-routing";
    public static final String NAME = "SLA decisions to their towns' rules";

    private static final String MET = "MET";
    private static final String BREACH = "BREACH";

    private final RulesInForce rules;

    public SlaDecisionRouting(RulesInForce rules) {
        this.rules = rules;
    }

    @Override
    public void processElement(
            SlaEventChanged changed, ReadOnlyContext ctx, Collector<RoutedDecision> out)
            throws Exception {
        SlaEventDocument event = changed.event();
        boolean met = MET.equals(event.type());
        if (!changed.decision() || !(met || BREACH.equals(event.type()))) {
            return;
        }
        String incidentId = event.incidentId();
        SlaDecision decision =
                new SlaDecision(
                        incidentId,
                        event.townCode(),
                        incidentId.substring(0, incidentId.indexOf('-')),
                        event.category(),
                        changed.priority(),
                        Times.parseIso(event.at()),
                        !met);
        for (Rule rule : rules.get(ctx.getBroadcastState(RulesInForce.STATE)).enabledRules()) {
            if (rule instanceof BreachRateRule breachRate) {
                RuleGroups.of(breachRate, decision)
                        .ifPresent(
                                group ->
                                        out.collect(
                                                new RoutedDecision(rule.id(), group, decision)));
            }
        }
    }

    @Override
    public void processBroadcastElement(
            RulesVersion version, Context ctx, Collector<RoutedDecision> out) throws Exception {
        rules.replace(
                ctx.getBroadcastState(RulesInForce.STATE),
                ctx.getBroadcastState(RulesInForce.SINCE),
                version);
    }
}
