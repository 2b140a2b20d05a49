package org.pingzhi.jobs.rules.flow;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.pingzhi.jobs.escalation.EscalationMarks;

/**
 * Keyed by incidentId: folds the marks of every rule whose episodes hold the incident into its
 * {@link EscalationMarks} (rule ids sorted as plain strings, the highest level, CITY above TOWN),
 * emitted whenever they grow. Episodes never let an incident go, so marks only grow.
 *
 * <p>A rule marks an incident when one of its episodes takes it, and again whenever that episode
 * grows: an open episode grows within its window of its last growth or is resolved. Each mark says
 * until when that is ({@link RuleMark#until}, the rule's own window), and the incident's marks are
 * dropped once the latest of these has passed. Dropping them early would only repeat marks: the
 * escalation join adds every marks it gets to those it has (and keeps them while its documents
 * still need them). That a rule counted the incident ({@link RuleMark#counted}) is passed on as it
 * comes ({@link EscalationMarks#markable}), on the marks' path, so it reaches the join before them.
 */
public final class RuleMarksFold extends KeyedProcessFunction<String, RuleMark, EscalationMarks> {

    private static final long serialVersionUID = 1L;

    public static final String UID = "rule-marks-fold";
    public static final String NAME = "Incidents escalated by rules";

    private transient ValueState<EscalationMarks> marks;

    /** The instant of the incident's one timer: the latest {@link RuleMark#until} of its marks. */
    private transient ValueState<Long> keptUntil;

    @Override
    public void open(OpenContext openContext) {
        marks = getRuntimeContext().getState(RuleStateDescriptors.MARKS);
        keptUntil = getRuntimeContext().getState(RuleStateDescriptors.KEPT_UNTIL);
    }

    @Override
    public void processElement(RuleMark mark, Context ctx, Collector<EscalationMarks> out)
            throws Exception {
        if (!mark.isHeld()) {
            out.collect(EscalationMarks.markable(mark.incidentId(), mark.until()));
            return;
        }
        keepUntil(ctx, mark.until());
        EscalationMarks current = marks.value();
        EscalationMarks one = EscalationMarks.of(mark.incidentId(), mark.ruleId(), mark.level());
        EscalationMarks grown = current == null ? one : current.with(one);
        if (current != null && current.sameAs(grown)) {
            return;
        }
        marks.update(grown);
        out.collect(grown);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EscalationMarks> out)
            throws Exception {
        Long until = keptUntil.value();
        if (until != null && until <= timestamp) {
            marks.clear();
            keptUntil.clear();
        }
    }

    private void keepUntil(Context ctx, long until) throws Exception {
        Long registered = keptUntil.value();
        if (registered != null && registered >= until) {
            return;
        }
        if (registered != null) {
            ctx.timerService().deleteEventTimeTimer(registered);
        }
        ctx.timerService().registerEventTimeTimer(until);
        keptUntil.update(until);
    }
}
