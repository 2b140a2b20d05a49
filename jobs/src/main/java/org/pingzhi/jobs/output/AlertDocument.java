package org.pingzhi.jobs.output;

import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaTimeline;

/**
 * An SLA escalation alert, a {@code pingzhi-alerts} document and an alerts-topic message ({@code
 * _id} {@code sla:<incidentId>:<level>}). Contract fields first; addition: {@code resolvedAt}.
 *
 * <p>OPEN while the incident is unresponded and not cancelled; RESOLVED once it is responded or
 * cancelled ({@code resolvedAt} that instant), or when a late record withdraws the escalation
 * ({@code resolvedAt} the retraction's instant).
 *
 * @param windowStart the clock start
 * @param windowEnd the step's instant
 * @param firedAt the step's instant (event time, never the wall clock)
 */
public record AlertDocument(
        String alertId,
        String kind,
        String ruleId,
        String severity,
        String level,
        String townCode,
        String category,
        String title,
        String message,
        List<String> incidentIds,
        String windowStart,
        String windowEnd,
        int count,
        String firedAt,
        String status,
        String resolvedAt) {

    public static final String KIND = "SLA_ESCALATION";
    public static final String RULE_ID = "sla-escalation";

    /**
     * The alert of the escalation to {@code level} at {@code at}; RESOLVED at {@code resolvedAt}
     * when that is not null, OPEN otherwise.
     */
    public static AlertDocument of(
            IncidentState state,
            SlaTimeline timeline,
            EscalationLevel level,
            long at,
            Long resolvedAt) {
        return new AlertDocument(
                alertId(state.incidentId(), level),
                KIND,
                RULE_ID,
                level == EscalationLevel.CITY ? "CRITICAL" : "WARNING",
                level.name(),
                state.report().townCode(),
                state.report().category(),
                AlertTexts.title(state, level),
                AlertTexts.message(state, timeline, level, at),
                List.of(state.incidentId()),
                Times.iso(timeline.reportedAt()),
                Times.iso(at),
                1,
                Times.iso(at),
                (resolvedAt == null ? AlertStatus.OPEN : AlertStatus.RESOLVED).name(),
                Times.isoOrNull(resolvedAt));
    }

    public static String alertId(String incidentId, EscalationLevel level) {
        return "sla:" + incidentId + ":" + level;
    }

    /** {@link #of} rendered, its event time the step's instant {@code at}. */
    public static Document render(
            IncidentState state,
            SlaTimeline timeline,
            EscalationLevel level,
            long at,
            Long resolvedAt) {
        AlertDocument alert = of(state, timeline, level, at, resolvedAt);
        return new Document(DocumentKind.ALERT, alert.alertId, Json.toString(alert), at);
    }
}
