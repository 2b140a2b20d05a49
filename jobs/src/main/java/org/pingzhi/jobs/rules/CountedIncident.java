package org.pingzhi.jobs.rules;

import java.io.Serializable;
import java.util.Comparator;

/** What a counting rule keeps of an incident: its place in the walk and the alert's attributes. */
record CountedIncident(long reportedAt, String incidentId, String townCode, String category)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The contract's walk order: reportedAt, then incidentId. */
    /** A named class, not a lambda: the group state holding it is Java-serialized. */
    static final Comparator<CountedIncident> WALK_ORDER = new WalkOrder();

    private static final class WalkOrder implements Comparator<CountedIncident>, Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public int compare(CountedIncident a, CountedIncident b) {
            int byTime = Long.compare(a.reportedAt(), b.reportedAt());
            return byTime != 0 ? byTime : a.incidentId().compareTo(b.incidentId());
        }
    }

    static CountedIncident of(RuleIncident incident) {
        return new CountedIncident(
                incident.reportedAt(),
                incident.incidentId(),
                incident.townCode(),
                incident.category());
    }
}
