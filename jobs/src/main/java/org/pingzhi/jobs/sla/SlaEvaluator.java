package org.pingzhi.jobs.sla;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The response SLA of the contract as a pure function of an incident's clock, its target and the
 * current event time.
 *
 * <p>With r the response (earliest ON_SCENE/RESOLVED/CLOSED), c the cancellation and s = min(r, c)
 * the instant the clock stopped:
 *
 * <ul>
 *   <li>MET (at r) when r ≤ deadline and not c &lt; r; VOID when c ≤ deadline and c &lt; r (or no
 *       r). Both are decided by records: they hold as soon as the records are known, whatever
 *       {@code now}.
 *   <li>Each step at instant X — WARNING at 80 % of the target, BREACH and ESCALATED TOWN at the
 *       deadline, ESCALATED CITY at twice the target — holds when {@code now ≥ X} and the clock had
 *       not stopped by X (s &gt; X or no s). A response or cancellation at exactly X prevents the
 *       step; the warning follows the same boundary rule as the escalation steps.
 *   <li>BREACHED when BREACH holds (also when the response came later: responseSeconds then gives
 *       the real figure); PENDING otherwise.
 * </ul>
 */
public final class SlaEvaluator {

    private SlaEvaluator() {}

    public static SlaOutcome evaluate(SlaInput input, long targetMillis, long now) {
        SlaTimeline timeline = new SlaTimeline(input.clockStart(), targetMillis);
        Long responded = input.respondedAt();
        Long cancelled = input.cancelledAt();
        Long stoppedAt = earliest(responded, cancelled);
        boolean cancelledFirst = cancelled != null && (responded == null || cancelled < responded);
        boolean voided = cancelledFirst && cancelled <= timeline.deadline();
        boolean met = responded != null && !cancelledFirst && responded <= timeline.deadline();

        Map<SlaFact, Long> facts = new EnumMap<>(SlaFact.class);
        if (met) {
            facts.put(SlaFact.MET, responded);
        }
        OptionalLong next = OptionalLong.empty();
        for (SlaFact step : SlaFact.STEPS) {
            long instant = step.stepInstant(timeline);
            if (stoppedAt != null && stoppedAt <= instant) {
                continue;
            }
            if (now >= instant) {
                facts.put(step, instant);
            } else if (next.isEmpty()) {
                next = OptionalLong.of(instant);
            }
        }
        return new SlaOutcome(
                timeline,
                status(met, voided, facts),
                responded == null || voided ? null : timeline.secondsSinceReport(responded),
                facts.containsKey(SlaFact.ESCALATED_CITY)
                        ? EscalationLevel.CITY
                        : facts.containsKey(SlaFact.ESCALATED_TOWN)
                                ? EscalationLevel.TOWN
                                : EscalationLevel.NONE,
                facts,
                stoppedAt,
                next);
    }

    private static SlaStatus status(boolean met, boolean voided, Map<SlaFact, Long> facts) {
        if (met) {
            return SlaStatus.MET;
        }
        if (voided) {
            return SlaStatus.VOID;
        }
        return facts.containsKey(SlaFact.BREACH) ? SlaStatus.BREACHED : SlaStatus.PENDING;
    }

    private static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
