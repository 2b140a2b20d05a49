package org.pingzhi.jobs.rules.flow;

import java.io.IOException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
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

/**
 * The HOTSPOT and REPEAT_CALLER rules, keyed by rule and group ({@link RoutedIncident#key}): one
 * {@link HotspotEpisodes} per key, walked as the watermark passes its inputs, so that every input
 * at or before an instant has been added before the state advances to it. Emits each episode's
 * alert whenever it changes and, on the {@link #MARKS} side output, the incidents it holds. The
 * state is dropped once the group holds nothing, and at most one timer per key is pending.
 *
 * <p>In replay nothing is decided after {@code horizon} (live: {@link Long#MAX_VALUE}).
 */
public final class IncidentRuleFunction
        extends KeyedProcessFunction<String, RoutedIncident, RuleAlertChanged> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "incident-rules";
    public static final String NAME = "Incident rules (HOTSPOT, REPEAT_CALLER)";

    public static final OutputTag<RuleMark> MARKS = new OutputTag<>("rule-marks") {};

    private final RulesFile rules;
    private final TownDirectory towns;
    private final long horizon;

    private transient ValueState<HotspotEpisodes> group;

    /** The one event-time timer registered for the key, so a quiet group leaves none behind. */
    private transient ValueState<Long> wakeUp;

    public IncidentRuleFunction(RulesFile rules, TownDirectory towns, long horizon) {
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
            if (rule instanceof HotspotRule hotspot) {
                longest = Math.max(longest, hotspot.window().toMillis());
            } else if (rule instanceof RepeatCallerRule repeatCaller) {
                longest = Math.max(longest, repeatCaller.window().toMillis());
            }
        }
        return longest;
    }

    @Override
    public void open(OpenContext openContext) {
        group = getRuntimeContext().getState(RuleStateDescriptors.GROUP);
        wakeUp = getRuntimeContext().getState(RuleStateDescriptors.WAKE_UP);
    }

    @Override
    public void processElement(RoutedIncident routed, Context ctx, Collector<RuleAlertChanged> out)
            throws IOException {
        HotspotEpisodes state = load(routed);
        // A refused incident is behind an instant already decided: the alerts that fired stay as
        // they are (contract "Live and replay"); the incident's own document is unaffected.
        state.add(routed.incident());
        store(state, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RuleAlertChanged> out)
            throws IOException {
        wakeUp.clear();
        HotspotEpisodes state = group.value();
        if (state == null) {
            return;
        }
        Rule rule = rule(RoutedIncident.ruleIdOf(ctx.getCurrentKey()));
        for (EpisodeEvent event : state.advanceTo(timestamp)) {
            out.collect(
                    new RuleAlertChanged(
                            RuleAlerts.of(rule, rules.version(), event.episode(), towns),
                            timestamp));
            if (event.type() != EpisodeEvent.Type.RESOLVED) {
                for (String incidentId : event.episode().incidentIds()) {
                    ctx.output(MARKS, new RuleMark(incidentId, rule.id(), rule.level().name()));
                }
            }
        }
        store(state, ctx.timerService());
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

    private HotspotEpisodes load(RoutedIncident routed) throws IOException {
        HotspotEpisodes stored = group.value();
        if (stored != null) {
            return stored;
        }
        Rule rule = rule(routed.ruleId());
        if (rule instanceof HotspotRule hotspot) {
            return HotspotEpisodes.of(hotspot, routed.group());
        }
        if (rule instanceof RepeatCallerRule repeatCaller) {
            return HotspotEpisodes.of(repeatCaller, routed.group());
        }
        throw new IllegalArgumentException(
                "Rule " + rule.id() + " (" + rule.kind() + ") is no incident-holding rule");
    }

    private Rule rule(String ruleId) {
        return rules.byId(ruleId)
                .orElseThrow(() -> new IllegalArgumentException("No rule " + ruleId + " in force"));
    }
}
