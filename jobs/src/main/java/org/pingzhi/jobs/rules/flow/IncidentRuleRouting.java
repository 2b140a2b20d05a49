package org.pingzhi.jobs.rules.flow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.common.rules.SurgeRule;
import org.pingzhi.jobs.lifecycle.IncidentChange;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.rules.OpenInterval;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.RuleIncident;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * Keyed by incidentId: counts each incident once, at its {@code reportedAt}, with its attributes as
 * they stand when the watermark passes that instant, and sends it to the group of every HOTSPOT and
 * REPEAT_CALLER rule it counts for (the main output), of every SURGE rule ({@link #SURGE}) and of
 * every BACKLOG rule ({@link #BACKLOG}, with when it is open); its reportedAt also goes to {@link
 * #HISTORY} when it is the earliest this subtask has seen, for SURGE's history start. An incident
 * first seen behind the watermark (a late record, or every record again after a restore, when the
 * watermark starts over) is sent at once, and the rules' window logic takes it where it still can.
 * That it was counted is remembered until the watermark passes its reportedAt plus the longest
 * HOTSPOT, REPEAT_CALLER or SURGE reach, after which no episode can take it any more. For BACKLOG
 * the incident as counted is kept for {@code incidentLifetime} (as long as the lifecycle may still
 * change it), so that its end is sent to the groups it was counted in, and only once: to the
 * BACKLOG rules still in force as they were when it was counted (a changed rule did not count it).
 *
 * <p>The rules are those in force when the incident is counted ({@link RulesInForce}: a version
 * published later does not send again the incidents counted before it).
 */
public final class IncidentRuleRouting
        extends KeyedBroadcastProcessFunction<
                String, IncidentChange, RulesVersion, RoutedIncident> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "incident-rule-routing";
    public static final String NAME = "Incidents to their rules' groups";

    public static final OutputTag<RoutedIncident> SURGE = new OutputTag<>("surge-incidents") {};

    public static final OutputTag<RoutedBacklogChange> BACKLOG =
            new OutputTag<>("backlog-changes") {};

    public static final OutputTag<Long> HISTORY = new OutputTag<>("incident-history-start") {};

    private final RulesInForce rules;
    private final long incidentLifetimeMillis;

    private transient ValueState<RuleIncident> pending;
    private transient ValueState<Long> countedUntil;
    private transient ValueState<RuleIncident> backlogCounted;
    private transient ValueState<Long> backlogCountedUnder;

    /**
     * The earliest reportedAt this subtask sent to {@link #HISTORY}: the minimum is all it needs.
     */
    private transient long historySent;

    /**
     * @param incidentLifetime how long after its reportedAt the lifecycle may still change an
     *     incident (its maximum age plus its summary's retention)
     */
    public IncidentRuleRouting(RulesInForce rules, Duration incidentLifetime) {
        this.rules = rules;
        this.incidentLifetimeMillis = incidentLifetime.toMillis();
    }

    /**
     * How long after its reportedAt a SURGE group may still take an incident: the baseline's reach
     * and two windows (its own, and the one that resolves the episode).
     */
    private static long longestSurgeReachMillis(RulesFile rules) {
        long longest = 0;
        for (Rule rule : rules.enabledRules()) {
            if (rule instanceof SurgeRule surge) {
                long window = surge.window().toMillis();
                longest =
                        Math.max(
                                longest,
                                surge.baseline().reach(surge.window()).toMillis() + 2 * window);
            }
        }
        return longest;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getState(RuleStateDescriptors.PENDING);
        countedUntil = getRuntimeContext().getState(RuleStateDescriptors.COUNTED_UNTIL);
        backlogCounted = getRuntimeContext().getState(RuleStateDescriptors.BACKLOG_COUNTED);
        backlogCountedUnder =
                getRuntimeContext().getState(RuleStateDescriptors.BACKLOG_COUNTED_UNDER);
        historySent = Long.MAX_VALUE;
    }

    @Override
    public void processElement(
            IncidentChange change, ReadOnlyContext ctx, Collector<RoutedIncident> out)
            throws Exception {
        if (!(change instanceof IncidentChanged changed)
                || !routesAny(rules.get(ctx.getBroadcastState(RulesInForce.STATE)))) {
            return;
        }
        RuleIncident incident = RuleIncidents.of(changed.document());
        RuleIncident inBacklog = backlogCounted.value();
        if (inBacklog != null) {
            backlogEnded(inBacklog, incident, ctx);
        }
        if (inBacklog != null || countedUntil.value() != null) {
            return;
        }
        RuleIncident before = pending.value();
        if (before == null && incident.reportedAt() <= ctx.timerService().currentWatermark()) {
            count(incident, ctx, out);
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
            count(incident, ctx, out);
            return;
        }
        Long until = countedUntil.value();
        if (until != null && until <= timestamp) {
            countedUntil.clear();
        }
        RuleIncident inBacklog = backlogCounted.value();
        if (inBacklog != null && inBacklog.reportedAt() + incidentLifetimeMillis <= timestamp) {
            backlogCounted.clear();
            backlogCountedUnder.clear();
        }
    }

    @Override
    public void processBroadcastElement(
            RulesVersion version, Context ctx, Collector<RoutedIncident> out) throws Exception {
        rules.replace(
                ctx.getBroadcastState(RulesInForce.STATE),
                ctx.getBroadcastState(RulesInForce.SINCE),
                version);
    }

    /** Whether any rule in force takes incidents. */
    private static boolean routesAny(RulesFile inForce) {
        return inForce.enabledRules().stream()
                .anyMatch(
                        rule ->
                                switch (rule.kind()) {
                                    case HOTSPOT, REPEAT_CALLER, SURGE, BACKLOG -> true;
                                    case FEED_SILENCE, BREACH_RATE -> false;
                                });
    }

    private void count(RuleIncident incident, ReadOnlyContext ctx, Collector<RoutedIncident> out)
            throws Exception {
        RulesFile inForce = rules.get(ctx.getBroadcastState(RulesInForce.STATE));
        ReadOnlyBroadcastState<String, Long> since = ctx.getBroadcastState(RulesInForce.SINCE);
        boolean inBacklog = false;
        for (Rule rule : inForce.enabledRules()) {
            Optional<List<String>> group = RuleGroups.of(rule, incident);
            if (group.isEmpty()) {
                continue;
            }
            switch (rule.kind()) {
                case HOTSPOT, REPEAT_CALLER ->
                        out.collect(new RoutedIncident(rule.id(), group.get(), incident));
                case SURGE ->
                        ctx.output(SURGE, new RoutedIncident(rule.id(), group.get(), incident));
                case BACKLOG -> {
                    ctx.output(
                            BACKLOG,
                            new RoutedBacklogChange(
                                    rule.id(),
                                    group.get(),
                                    null,
                                    OpenInterval.of(incident),
                                    RulesInForce.generation(since, rule.id())));
                    inBacklog = true;
                }
                case FEED_SILENCE, BREACH_RATE -> {}
            }
        }
        if (incident.reportedAt() < historySent) {
            historySent = incident.reportedAt();
            ctx.output(HISTORY, historySent);
        }
        TimerService timers = ctx.timerService();
        if (inBacklog) {
            backlogCounted.update(incident);
            backlogCountedUnder.update(RulesInForce.generation(since));
            timers.registerEventTimeTimer(forgetBacklogAt(incident, timers.currentWatermark()));
        }
        long longestWindowMillis =
                Math.max(
                        IncidentRuleFunction.longestWindowMillis(inForce),
                        longestSurgeReachMillis(inForce));
        if (longestWindowMillis > 0) {
            long until =
                    Math.max(
                            incident.reportedAt() + longestWindowMillis,
                            timers.currentWatermark() + 1);
            countedUntil.update(until);
            timers.registerEventTimeTimer(until);
        }
    }

    /**
     * The incident counted for BACKLOG as {@code counted} has changed to {@code now}: when it ends
     * changed, its groups (those it was counted in, whatever its town now) of the rules still in
     * force as they were then get the change.
     */
    private void backlogEnded(RuleIncident counted, RuleIncident now, ReadOnlyContext ctx)
            throws Exception {
        OpenInterval before = OpenInterval.of(counted);
        OpenInterval after = new OpenInterval(counted.reportedAt(), now.endedAt());
        if (before.equals(after)) {
            return;
        }
        ReadOnlyBroadcastState<String, Long> since = ctx.getBroadcastState(RulesInForce.SINCE);
        Long countedUnder = backlogCountedUnder.value();
        for (Rule rule : rules.get(ctx.getBroadcastState(RulesInForce.STATE)).enabledRules()) {
            long generation = RulesInForce.generation(since, rule.id());
            if (rule.kind() != RuleKind.BACKLOG
                    || generation > (countedUnder == null ? 0 : countedUnder)) {
                continue;
            }
            RuleGroups.of(rule, counted)
                    .ifPresent(
                            group ->
                                    ctx.output(
                                            BACKLOG,
                                            new RoutedBacklogChange(
                                                    rule.id(), group, before, after, generation)));
        }
        backlogCounted.update(
                new RuleIncident(
                        counted.incidentId(),
                        counted.reportedAt(),
                        counted.townCode(),
                        counted.village(),
                        counted.gridCode(),
                        counted.category(),
                        counted.source(),
                        counted.priority(),
                        counted.callerKey(),
                        now.endedAt()));
    }

    private long forgetBacklogAt(RuleIncident counted, long watermark) {
        return Math.max(counted.reportedAt() + incidentLifetimeMillis, watermark + 1);
    }
}
