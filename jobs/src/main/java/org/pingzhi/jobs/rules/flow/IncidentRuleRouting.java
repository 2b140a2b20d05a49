package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.RuleIncident;

/**
 * Keyed by incidentId: counts each incident once, at its {@code reportedAt}, with its attributes as
 * they stand when the watermark passes that instant, and sends it to the group of every HOTSPOT and
 * REPEAT_CALLER rule it counts for. State lives from an incident's first document until the
 * watermark passes its reportedAt.
 *
 * <p>Known gap: an incident whose first document comes after the watermark passed its reportedAt (a
 * late record) is not counted; telling it from one already counted would need state for every
 * incident ever seen.
 */
public final class IncidentRuleRouting
        extends KeyedProcessFunction<String, IncidentChange, RoutedIncident> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "incident-rule-routing";
    public static final String NAME = "Incidents to their rules' groups";

    static final ValueStateDescriptor<RuleIncident> PENDING =
            new ValueStateDescriptor<>(
                    "incident-pending-for-rules", TypeInformation.of(RuleIncident.class));

    private final RulesFile rules;

    private transient ValueState<RuleIncident> pending;

    public IncidentRuleRouting(RulesFile rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getState(PENDING);
    }

    @Override
    public void processElement(IncidentChange change, Context ctx, Collector<RoutedIncident> out)
            throws Exception {
        if (!(change instanceof IncidentChanged changed)
                || IncidentRuleFunction.longestWindowMillis(rules) == 0) {
            return;
        }
        RuleIncident incident = RuleIncidents.of(changed.document());
        RuleIncident before = pending.value();
        if (before == null && incident.reportedAt() <= ctx.timerService().currentWatermark()) {
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
        pending.clear();
        for (Rule rule : rules.enabledRules()) {
            if (rule.kind() == RuleKind.HOTSPOT || rule.kind() == RuleKind.REPEAT_CALLER) {
                RuleGroups.of(rule, incident)
                        .ifPresent(
                                group ->
                                        out.collect(
                                                new RoutedIncident(rule.id(), group, incident)));
            }
        }
    }
}
