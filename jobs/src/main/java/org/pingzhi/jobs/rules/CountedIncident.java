package org.pingzhi.jobs.rules;

import java.io.Serializable;
import java.util.Comparator;

/** What a counting rule keeps of an incident: its place in the walk and the alert's attributes. */
record CountedIncident(long reportedAt, String incidentId, String townCode, String category)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The contract's walk order: reportedAt, then incidentId. */
    static final Comparator<CountedIncident> WALK_ORDER =
            Comparator.comparingLong(CountedIncident::reportedAt)
                    .thenComparing(CountedIncident::incidentId);

    static CountedIncident of(RuleIncident incident) {
        return new CountedIncident(
                incident.reportedAt(),
                incident.incidentId(),
                incident.townCode(),
                incident.category());
    }
}
