package org.pingzhi.jobs.rules;

import java.io.Serializable;
import org.pingzhi.common.rules.KeyField;

/**
 * An incident as the incident rules see it (contract rules.md, "What rules see"): its final
 * attributes, counted once at its {@code reportedAt}. Empty strings are to be given as null.
 *
 * @param source the incident's own source, "110" or "12345"
 * @param priority P1..P3
 * @param callerKey the keyed hash of the caller's number, or null
 * @param endedAt the earliest RESOLVED, CLOSED or CANCELLED time, or null (BACKLOG)
 */
public record RuleIncident(
        String incidentId,
        long reportedAt,
        String townCode,
        String village,
        String gridCode,
        String category,
        String source,
        String priority,
        String callerKey,
        Long endedAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The incident's value of a key field, null when it has none. */
    public String value(KeyField field) {
        return switch (field) {
            case TOWN_CODE -> townCode;
            case VILLAGE -> village;
            case GRID_CODE -> gridCode;
            case CATEGORY -> category;
            case SOURCE -> source;
            case PRIORITY -> priority;
        };
    }
}
