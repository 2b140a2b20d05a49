package org.pingzhi.jobs.rules.flow;

import java.io.IOException;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.HotspotRule;
import org.pingzhi.common.rules.RepeatCallerRule;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleAlerts;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.EpisodeEvent;
import org.pingzhi.jobs.rules.HotspotEpisodes;
import org.pingzhi.jobs.rules.RuleGroups;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;

/**
 * The HOTSPOT and REPEAT_CALLER rules, keyed by rule and group ({@link RoutedIncident#key}): one
 * {@link HotspotEpisodes} per key, walked as the watermark passes its inputs, so that every input
 * at or before an instant has been added before the state advances to it. Emits each episode's
 * alert whenever it changes and, on the {@link #MARKS} side output, the incidents it holds (and,
 * ahead, each incident it counts, with until when an episode may take it: see {@link
 * RuleMark#counted}). The state is dropped once the group holds nothing, and at most one timer per
 * key is pending.
 *
 * <p>In replay nothing is decided after {@code horizon} (live: {@link Long#MAX_VALUE}).
 *
 * <p>The rules are those in force ({@link RulesInForce}); alerts name the version in force when
 * they change. When a version comes into force, a rule it keeps unchanged keeps its groups and
 * their episodes. A rule it removes, disables or changes in any parameter ends: the open episode of
 * each of its groups is resolved at the instant the version came into force (its {@code
 * inForceFrom}, or the episode's latest reportedAt if that is later), and its groups' state is
 * dropped. A changed rule starts over without state, counting the incidents routed to it from then
 * on: it raises only what a run with the new rules from that instant would, and never an alert from
 * incidents counted under other parameters. An incident routed by a version this operator does not
 * have in force (the versions reach the operators one after the other) is counted only if the rule
 * in force here puts it in the same group.
 */
public final class IncidentRuleFunction
        extends KeyedBroadcastProcessFunction<
                String, RoutedIncident, RulesVersion, RuleAlertChanged> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "incident-rules";
    public static final String NAME = "Incident rules (HOTSPOT, REPEAT_CALLER)";

    public static final OutputTag<RuleMark> MARKS = new OutputTag<>("rule-marks") {};

    private final RulesInForce rules;
    private final TownDirectory towns;
    private final long horizon;

    private transient ValueState<HotspotEpisodes> group;

    /** The one event-time timer registered for the key, so a quiet group leaves none behind. */
    private transient ValueState<Long> wakeUp;

    public IncidentRuleFunction(RulesInForce rules, TownDirectory towns, long horizon) {
        this.rules = rules;
        this.towns = towns;
        this.horizon = horizon;
    }

    /**
     * The longest window of the HOTSPOT and REPEAT_CALLER rules of {@code rules}, 0 without such:
     * an episode holds an incident no later than that after its reportedAt.
     */
    public static long longestWindowMillis(RulesFile rules) {
        long longest = 0;
        for (Rule rule : rules.enabledRules()) {
            if (holdsIncidents(rule)) {
                longest = Math.max(longest, windowMillis(rule));
            }
        }
        return longest;
    }

    /** The window of a HOTSPOT or REPEAT_CALLER rule. */
    private static long windowMillis(Rule rule) {
        if (rule instanceof HotspotRule hotspot) {
            return hotspot.window().toMillis();
        }
        if (rule instanceof RepeatCallerRule repeatCaller) {
            return repeatCaller.window().toMillis();
        }
        throw new IllegalArgumentException(
                "Rule " + rule.id() + " (" + rule.kind() + ") is no incident-holding rule");
    }

    @Override
    public void open(OpenContext openContext) {
        group = getRuntimeContext().getState(RuleStateDescriptors.GROUP);
        wakeUp = getRuntimeContext().getState(RuleStateDescriptors.WAKE_UP);
    }

    @Override
    public void processElement(
            RoutedIncident routed, ReadOnlyContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        Optional<Rule> rule =
                rules.get(ctx.getBroadcastState(RulesInForce.STATE))
                        .byId(routed.ruleId())
                        .filter(
                                inForce ->
                                        holdsIncidents(inForce)
                                                && RuleGroups.of(inForce, routed.incident())
                                                        .equals(Optional.of(routed.group())));
        if (rule.isEmpty()) {
            return;
        }
        HotspotEpisodes state = load(routed, rule.get());
        // A refused incident is behind an instant already decided: the alerts that fired stay as
        // they are (contract "Live and replay"); the incident's own document is unaffected.
        if (state.add(routed.incident())) {
            // Walked at its reportedAt, or at the next watermark if that is behind: an episode
            // takes it within a window of that, and the join keeps its document until then.
            long walkedBy =
                    Math.max(
                            routed.incident().reportedAt(),
                            ctx.timerService().currentWatermark() + 1);
            ctx.output(
                    MARKS,
                    RuleMark.counted(
                            routed.incident().incidentId(), walkedBy + windowMillis(rule.get())));
        }
        store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws Exception {
        wakeUp.clear();
        HotspotEpisodes state = group.value();
        if (state == null) {
            return;
        }
        RulesFile inForce = rules.get(ctx.getBroadcastState(RulesInForce.STATE));
        Optional<Rule> inForceRule = inForce.byId(RoutedIncident.ruleIdOf(ctx.getCurrentKey()));
        if (inForceRule.isEmpty()) {
            // left by a start file without the rule (a restart with another pingzhi.rules.file)
            group.clear();
            return;
        }
        Rule rule = inForceRule.get();
        // An episode grows again, if at all, within a window of this walk (made now if late).
        long marksUntil =
                Math.max(timestamp, ctx.timerService().currentWatermark()) + windowMillis(rule);
        for (EpisodeEvent event : state.advanceTo(timestamp)) {
            out.collect(
                    new RuleAlertChanged(
                            RuleAlerts.of(rule, inForce.version(), event.episode(), towns),
                            timestamp));
            if (event.type() != EpisodeEvent.Type.RESOLVED) {
                for (String incidentId : event.episode().incidentIds()) {
                    ctx.output(
                            MARKS,
                            RuleMark.held(incidentId, rule.id(), rule.level().name(), marksUntil));
                }
            }
        }
        store(state, ctx.timerService());
    }

    @Override
    public void processBroadcastElement(
            RulesVersion version, Context ctx, Collector<RuleAlertChanged> out) throws Exception {
        RuleGroupStore.replace(
                rules,
                RuleStateDescriptors.GROUP,
                IncidentRuleFunction::holdsIncidents,
                towns,
                ctx,
                version,
                out::collect);
    }

    private static boolean holdsIncidents(Rule rule) {
        return rule instanceof HotspotRule || rule instanceof RepeatCallerRule;
    }

    private void store(HotspotEpisodes state, TimerService timers) throws IOException {
        if (state.isEmpty()) {
            group.clear();
            Long registered = wakeUp.value();
            if (registered != null) {
                timers.deleteEventTimeTimer(registered);
                wakeUp.clear();
            }
            return;
        }
        group.update(state);
        long next = state.nextWakeUp();
        Long registered = wakeUp.value();
        if (registered != null && registered == next) {
            return;
        }
        if (registered != null) {
            timers.deleteEventTimeTimer(registered);
            wakeUp.clear();
        }
        if (next <= horizon) {
            timers.registerEventTimeTimer(next);
            wakeUp.update(next);
        }
    }

    private HotspotEpisodes load(RoutedIncident routed, Rule rule) throws IOException {
        HotspotEpisodes stored = group.value();
        if (stored != null) {
            return stored;
        }
        if (rule instanceof HotspotRule hotspot) {
            return HotspotEpisodes.of(hotspot, routed.group());
        }
        if (rule instanceof RepeatCallerRule repeatCaller) {
            return HotspotEpisodes.of(repeatCaller, routed.group());
        }
        throw new IllegalArgumentException(
                "Rule " + rule.id() + " (" + rule.kind() + ") is no incident-holding rule");
    }
}
