package org.pingzhi.jobs.rules;

import java.io.Serializable;

/**
 * An incident's SLA decision as BREACH_RATE books it: MET at its response time, BREACHED at its
 * deadline (VOID and PENDING are not decisions). The incident's attributes are there for the rule's
 * filter.
 *
 * @param at the response time (MET) or the deadline (BREACHED)
 */
public record SlaDecision(
        String incidentId,
        String townCode,
        String source,
        String category,
        String priority,
        long at,
        boolean breached)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
