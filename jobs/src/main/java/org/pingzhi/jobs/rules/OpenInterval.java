package org.pingzhi.jobs.rules;

import java.io.Serializable;

/**
 * When an incident counts as open for BACKLOG: at every minute end {@code m} with {@code from <= m}
 * and {@code m < until} (an incident reported exactly at m is open at m; one that ended exactly at
 * m is not).
 *
 * @param from the incident's reportedAt
 * @param until its earliest RESOLVED, CLOSED or CANCELLED time, or null while it has none
 */
public record OpenInterval(long from, Long until) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static OpenInterval of(RuleIncident incident) {
        return new OpenInterval(incident.reportedAt(), incident.endedAt());
    }

    /** Whether the incident is open at no instant (it ended at or before it was reported). */
    boolean isEmpty() {
        return until != null && until <= from;
    }
}
