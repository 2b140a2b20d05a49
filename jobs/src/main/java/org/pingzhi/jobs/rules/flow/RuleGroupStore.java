package org.pingzhi.jobs.rules.flow;

import java.io.IOException;
import java.io.Serializable;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.streaming.api.TimerService;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleAlerts;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.EpisodeEvent;
import org.pingzhi.jobs.rules.RuleGroupState;
import org.pingzhi.jobs.time.TimeReached;

/**
 * What every windowed-rule operator does with its one group's {@link RuleGroupState}, keyed by rule
 * and group: load it, add inputs, walk it when its event-time timer fires and render what happened
 * to its episodes as alerts, drop it (and its timer) once the group holds nothing. At most one
 * timer per key is pending, never one after {@code horizon} (replay; live {@link Long#MAX_VALUE}).
 *
 * <p>Inputs are added with the operator's event time ({@link #eventTime}), which is kept in
 * checkpoints: after a restore the watermark starts over, and the records read again must meet the
 * time they met before the failure, or a restored run would take as on time what the undisturbed
 * run had found late.
 *
 * <p>The rules in force are looked up in {@link #rule} only, so that a live change of the rules has
 * one place to come in.
 */
final class RuleGroupStore<S extends RuleGroupState> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ValueStateDescriptor<S> groupDescriptor;
    private final RulesFile rules;
    private final TownDirectory towns;
    private final long horizon;

    private transient ValueState<S> group;
    private transient ValueState<Long> wakeUp;
    private transient TimeReached timeReached;

    RuleGroupStore(
            ValueStateDescriptor<S> groupDescriptor,
            RulesFile rules,
            TownDirectory towns,
            long horizon) {
        this.groupDescriptor = groupDescriptor;
        this.rules = rules;
        this.towns = towns;
        this.horizon = horizon;
    }

    void initializeState(FunctionInitializationContext context) throws Exception {
        timeReached = TimeReached.restore(context, RuleStateDescriptors.timeReached());
    }

    void snapshotState() throws Exception {
        timeReached.snapshot();
    }

    /**
     * How far event time has come, for an input about to be added: the watermark, or the time
     * reached before a restore if that is later.
     */
    long eventTime(TimerService timers) {
        return timeReached.advance(timers.currentWatermark());
    }

    void open(RuntimeContext context) {
        group = context.getState(groupDescriptor);
        wakeUp = context.getState(RuleStateDescriptors.WAKE_UP);
    }

    /** The group's state, null while it holds nothing. */
    S current() throws IOException {
        return group.value();
    }

    /**
     * Keeps {@code state} (or drops it when empty) and sets the key's one timer to its next
     * wake-up.
     */
    void store(S state, TimerService timers) throws IOException {
        Long registered = wakeUp.value();
        long next = state.isEmpty() ? Long.MAX_VALUE : state.nextWakeUp();
        if (state.isEmpty()) {
            group.clear();
        } else {
            group.update(state);
        }
        if (registered != null && registered == next) {
            return;
        }
        if (registered != null) {
            timers.deleteEventTimeTimer(registered);
            wakeUp.clear();
        }
        if (next != Long.MAX_VALUE && next <= horizon) {
            timers.registerEventTimeTimer(next);
            wakeUp.update(next);
        }
    }

    /**
     * The key's timer fired at {@code timestamp}: walks the group there (after {@code beforeWalk}
     * brought it up to date with what the operator knows besides its inputs), hands every alert
     * that changed to {@code alerts}, and stores what is left.
     */
    void wakeUp(
            String key,
            long timestamp,
            TimerService timers,
            Consumer<S> beforeWalk,
            Consumer<RuleAlertChanged> alerts)
            throws IOException {
        wakeUp.clear();
        timeReached.advance(timers.currentWatermark());
        S state = group.value();
        if (state == null) {
            return;
        }
        beforeWalk.accept(state);
        Rule rule = rule(RoutedIncident.ruleIdOf(key));
        for (EpisodeEvent event : state.advanceTo(timestamp)) {
            alerts.accept(
                    new RuleAlertChanged(
                            RuleAlerts.of(rule, rules.version(), event.episode(), towns),
                            timestamp));
        }
        store(state, timers);
    }

    /** The rule in force with id {@code ruleId}. */
    Rule rule(String ruleId) {
        return rules.byId(ruleId)
                .orElseThrow(() -> new IllegalArgumentException("No rule " + ruleId + " in force"));
    }
}
