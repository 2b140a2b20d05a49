package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.RuleIncident;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * Keyed by incidentId: counts each incident once, at its {@code reportedAt}, with its attributes as
 * they stand when the watermark passes that instant, and sends it to the group of every HOTSPOT and
 * REPEAT_CALLER rule it counts for. An incident first seen behind the watermark (a late record, or
 * every record again after a restore, when the watermark starts over) is sent at once, and the
 * rules' window logic takes it where it still can. That it was counted is remembered until the
 * watermark passes its reportedAt plus the longest such window, after which no episode can take it
 * any more.
 *
 * <p>The rules are those in force when the incident is counted ({@link RulesInForce}): a version
 * published later does not send again the incidents counted before it.
 */
public final class IncidentRuleRouting
        extends KeyedBroadcastProcessFunction<
                String, IncidentChange, RulesVersion, RoutedIncident> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "incident-rule-routing";
    public static final String NAME = "Incidents to their rules' groups";

    static final ValueStateDescriptor<RuleIncident> PENDING =
            new ValueStateDescriptor<>(
                    "incident-pending-for-rules", TypeInformation.of(RuleIncident.class));

    /** After counting: until when the incident is remembered as counted. */
    static final ValueStateDescriptor<Long> COUNTED_UNTIL =
            new ValueStateDescriptor<>("incident-counted-for-rules-until", Types.LONG);

    private final RulesInForce rules;

    private transient ValueState<RuleIncident> pending;
    private transient ValueState<Long> countedUntil;

    public IncidentRuleRouting(RulesInForce rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getState(PENDING);
        countedUntil = getRuntimeContext().getState(COUNTED_UNTIL);
    }

    @Override
    public void processElement(
            IncidentChange change, ReadOnlyContext ctx, Collector<RoutedIncident> out)
            throws Exception {
        RulesFile inForce = rules.get(ctx.getBroadcastState(RulesInForce.STATE));
        if (!(change instanceof IncidentChanged changed)
                || IncidentRuleFunction.longestWindowMillis(inForce) == 0
                || countedUntil.value() != null) {
            return;
        }
        RuleIncident incident = RuleIncidents.of(changed.document());
        RuleIncident before = pending.value();
        if (before == null && incident.reportedAt() <= ctx.timerService().currentWatermark()) {
            count(incident, inForce, ctx.timerService(), out);
            return;
        }
        if (before != null && before.reportedAt() != incident.reportedAt()) {
            ctx.timerService().deleteEventTimeTimer(before.reportedAt());
        }
        pending.update(incident);
        ctx.timerService().registerEventTimeTimer(incident.reportedAt());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RoutedIncident> out)
            throws Exception {
        RuleIncident incident = pending.value();
        if (incident != null && incident.reportedAt() == timestamp) {
            pending.clear();
            count(
                    incident,
                    rules.get(ctx.getBroadcastState(RulesInForce.STATE)),
                    ctx.timerService(),
                    out);
            return;
        }
        Long until = countedUntil.value();
        if (until != null && until <= timestamp) {
            countedUntil.clear();
        }
    }

    @Override
    public void processBroadcastElement(
            RulesVersion version, Context ctx, Collector<RoutedIncident> out) throws Exception {
        rules.replace(ctx.getBroadcastState(RulesInForce.STATE), version);
    }

    private void count(
            RuleIncident incident,
            RulesFile inForce,
            TimerService timers,
            Collector<RoutedIncident> out)
            throws Exception {
        for (Rule rule : inForce.enabledRules()) {
            if (rule.kind() == RuleKind.HOTSPOT || rule.kind() == RuleKind.REPEAT_CALLER) {
                RuleGroups.of(rule, incident)
                        .ifPresent(
                                group ->
                                        out.collect(
                                                new RoutedIncident(rule.id(), group, incident)));
            }
        }
        long until =
                Math.max(
                        incident.reportedAt() + IncidentRuleFunction.longestWindowMillis(inForce),
                        timers.currentWatermark() + 1);
        countedUntil.update(until);
        timers.registerEventTimeTimer(until);
    }
}
