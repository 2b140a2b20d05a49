package org.pingzhi.jobs.sla;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The SLA of an incident at one instant (see {@link SlaEvaluator}).
 *
 * @param timeline the clock: report, warning point, deadline, CITY point
 * @param status PENDING, MET, BREACHED or VOID
 * @param responseSeconds report to response in seconds (millisecond precision), null while
 *     unresponded and when VOID
 * @param escalationLevel the highest escalation step that holds
 * @param facts the facts that hold, each with the event time of its SLA event
 * @param stoppedAt the earliest response or cancellation, null while neither happened
 * @param nextInstant the next instant at which a step could come to hold, empty when none can
 */
public record SlaOutcome(
        SlaTimeline timeline,
        SlaStatus status,
        Double responseSeconds,
        EscalationLevel escalationLevel,
        Map<SlaFact, Long> facts,
        Long stoppedAt,
        OptionalLong nextInstant) {

    public SlaOutcome {
        facts = Collections.unmodifiableMap(copy(facts));
    }

    public boolean holds(SlaFact fact) {
        return facts.containsKey(fact);
    }

    /** The event time of a fact's SLA event, or null when the fact does not hold. */
    public Long factAt(SlaFact fact) {
        return facts.get(fact);
    }

    private static Map<SlaFact, Long> copy(Map<SlaFact, Long> facts) {
        return facts.isEmpty() ? new EnumMap<>(SlaFact.class) : new EnumMap<>(facts);
    }
}
