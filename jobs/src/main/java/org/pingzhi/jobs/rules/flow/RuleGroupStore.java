package org.pingzhi.jobs.rules.flow;

import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.pingzhi.common.directory.TownDirectory;
import org.pingzhi.common.rules.Rule;
import org.pingzhi.common.rules.RuleAlerts;
import org.pingzhi.common.rules.RuleKind;
import org.pingzhi.common.rules.RulesFile;
import org.pingzhi.jobs.rules.EpisodeEvent;
import org.pingzhi.jobs.rules.RuleGroupState;
import org.pingzhi.jobs.rules.control.RulesInForce;
import org.pingzhi.jobs.rules.control.RulesVersion;
import org.pingzhi.jobs.time.TimeReached;

/**
 * What every windowed-rule operator of one {@code kind} does with its one group's {@link
 * RuleGroupState}, keyed by rule and group: load it, add inputs, walk it when its event-time timer
 * fires and render what happened to its episodes as alerts, drop it (and its timer) once the group
 * holds nothing. At most one timer per key is pending, never one after {@code horizon} (replay;
 * live {@link Long#MAX_VALUE}).
 *
 * <p>The rules are those in force ({@link RulesInForce}); alerts name the version in force when
 * they change. When a version comes into force ({@link #replace}), a rule it keeps unchanged keeps
 * its groups and their episodes; a rule of the kind it removes, disables or changes in any
 * parameter ends: the open episode of each of its groups is resolved at the version's {@code
 * inForceFrom} (or the latest instant the episode was found open at, if later, see {@link
 * RuleGroupState#endedAt}), and its groups' state is dropped, so that a changed rule starts over
 * without state.
 *
 * <p>Inputs are added with the operator's event time ({@link #eventTime}), which is kept in
 * checkpoints: after a restore the watermark starts over, and the records read again must meet the
 * time they met before the failure, or a restored run would take as on time what the undisturbed
 * run had found late.
 */
final class RuleGroupStore<S extends RuleGroupState> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ValueStateDescriptor<S> groupDescriptor;
    private final RuleKind kind;
    private final RulesInForce rules;
    private final TownDirectory towns;
    private final long horizon;

    private transient ValueState<S> group;
    private transient ValueState<Long> wakeUp;
    private transient TimeReached timeReached;

    RuleGroupStore(
            ValueStateDescriptor<S> groupDescriptor,
            RuleKind kind,
            RulesInForce rules,
            TownDirectory towns,
            long horizon) {
        this.groupDescriptor = groupDescriptor;
        this.kind = kind;
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

    /** The rules in force at the operator. */
    RulesFile inForce(KeyedBroadcastProcessFunction<String, ?, ?, ?>.ReadOnlyContext ctx)
            throws Exception {
        return rules.get(ctx.getBroadcastState(RulesInForce.STATE));
    }

    /** The enabled rule of the store's kind with id {@code ruleId} in {@code inForce}, if any. */
    Optional<Rule> rule(RulesFile inForce, String ruleId) {
        return inForce.byId(ruleId).filter(rule -> rule.enabled() && rule.kind() == kind);
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
            KeyedBroadcastProcessFunction<String, ?, ?, ?>.OnTimerContext ctx,
            long timestamp,
            Consumer<S> beforeWalk,
            Consumer<RuleAlertChanged> alerts)
            throws Exception {
        wakeUp.clear();
        timeReached.advance(ctx.timerService().currentWatermark());
        S state = group.value();
        if (state == null) {
            return;
        }
        RulesFile inForce = inForce(ctx);
        Optional<Rule> rule = rule(inForce, RoutedIncident.ruleIdOf(ctx.getCurrentKey()));
        if (rule.isEmpty()) {
            // left by a start file without the rule (a restart with another pingzhi.rules.file)
            group.clear();
            return;
        }
        beforeWalk.accept(state);
        for (EpisodeEvent event : state.advanceTo(timestamp)) {
            alerts.accept(
                    new RuleAlertChanged(
                            RuleAlerts.of(rule.get(), inForce.version(), event.episode(), towns),
                            timestamp));
        }
        store(state, ctx.timerService());
    }

    /**
     * Puts {@code version} in force and ends every rule of the kind it does not keep as it was (see
     * {@link #replace(RulesInForce, ValueStateDescriptor, Predicate, TownDirectory,
     * KeyedBroadcastProcessFunction.Context, RulesVersion, Consumer)}).
     */
    void replace(
            KeyedBroadcastProcessFunction<String, ?, ?, ?>.Context ctx,
            RulesVersion version,
            Consumer<RuleAlertChanged> alerts)
            throws Exception {
        replace(rules, groupDescriptor, rule -> rule.kind() == kind, towns, ctx, version, alerts);
    }

    /**
     * Puts {@code version} in force and ends every rule {@code held} in {@code groupDescriptor}'s
     * state that it does not keep as it was: resolves the open episodes of its groups, with alerts
     * of the version they were raised under, and drops the groups' state (their timers find nothing
     * when they fire).
     */
    static <S extends RuleGroupState> void replace(
            RulesInForce rules,
            ValueStateDescriptor<S> groupDescriptor,
            Predicate<Rule> held,
            TownDirectory towns,
            KeyedBroadcastProcessFunction<String, ?, ?, ?>.Context ctx,
            RulesVersion version,
            Consumer<RuleAlertChanged> alerts)
            throws Exception {
        RulesFile before =
                rules.replace(
                        ctx.getBroadcastState(RulesInForce.STATE),
                        ctx.getBroadcastState(RulesInForce.SINCE),
                        version);
        RulesFile after = rules.get(ctx.getBroadcastState(RulesInForce.STATE));
        for (Rule rule : before.enabledRules()) {
            if (held.test(rule)
                    && !after.byId(rule.id()).filter(Rule::enabled).equals(Optional.of(rule))) {
                String prefix = rule.id() + RoutedIncident.SEPARATOR;
                ctx.applyToKeyedState(
                        groupDescriptor,
                        (key, groupState) -> {
                            S state = groupState.value();
                            if (state == null || !key.startsWith(prefix)) {
                                return;
                            }
                            state.endedAt(version.inForceFrom())
                                    .ifPresent(
                                            ended ->
                                                    alerts.accept(
                                                            new RuleAlertChanged(
                                                                    RuleAlerts.of(
                                                                            rule,
                                                                            before.version(),
                                                                            ended,
                                                                            towns),
                                                                    ended.resolvedAt())));
                            groupState.clear();
                        });
                ctx.applyToKeyedState(
                        RuleStateDescriptors.WAKE_UP,
                        (key, wakeUpState) -> {
                            if (key.startsWith(prefix)) {
                                wakeUpState.clear();
                            }
                        });
            }
        }
    }
}
