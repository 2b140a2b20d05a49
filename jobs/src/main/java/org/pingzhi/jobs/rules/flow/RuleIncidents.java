package org.pingzhi.jobs.rules.flow;

import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.jobs.rules.RuleIncident;

/**
 * An incident document as the incident rules see it (contract rules.md, "What rules see"). The
 * document's village, gridCode and callerKey are already those of the report record the category
 * came from; the source is the incident's own, from its id.
 */
public final class RuleIncidents {

    private RuleIncidents() {}

    public static RuleIncident of(IncidentDocument document) {
        return new RuleIncident(
                document.incidentId(),
                Times.parseIso(document.reportedAt()),
                blankAsNull(document.townCode()),
                blankAsNull(document.village()),
                blankAsNull(document.gridCode()),
                blankAsNull(document.category()),
                document.incidentId().substring(0, document.incidentId().indexOf('-')),
                blankAsNull(document.priority()),
                blankAsNull(document.callerKey()),
                earliest(document.resolvedAt(), document.closedAt(), document.cancelledAt()));
    }

    private static Long earliest(String... isoTimes) {
        Long earliest = null;
        for (String iso : isoTimes) {
            if (iso != null) {
                long at = Times.parseIso(iso);
                earliest = earliest == null ? at : Math.min(earliest, at);
            }
        }
        return earliest;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
