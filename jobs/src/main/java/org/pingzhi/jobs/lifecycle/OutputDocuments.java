package org.pingzhi.jobs.lifecycle;

import java.util.List;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.output.AlertDocument;
import org.pingzhi.common.output.AlertStatus;
import org.pingzhi.common.output.GeoPoint;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.common.output.SlaEventDocument;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;
import org.pingzhi.jobs.sla.SlaTimeline;

/**
 * The contract's documents of one incident (see {@code org.pingzhi.common.output}) as its state and
 * SLA say they are: typed values, rendered to JSON only at the edges.
 */
public final class OutputDocuments {

    private OutputDocuments() {}

    /**
     * The incident document. Its {@code updatedAt} is the latest event time that changed it: the
     * latest record's event time, or the instant of the latest SLA step it shows (BREACH/TOWN at
     * the deadline, CITY at twice the target) when that is later.
     */
    public static IncidentDocument incident(IncidentState state, SlaOutcome sla) {
        ReportAttributes report = state.report();
        Milestones milestones = state.milestones();
        return new IncidentDocument(
                state.incidentId(),
                SourceCodes.of(state.sources()),
                state.alarmId(),
                state.orderId(),
                report.category(),
                report.rawCategory(),
                report.priority().name(),
                report.townCode(),
                report.town(),
                report.village(),
                report.hasLocation() ? new GeoPoint(report.lat(), report.lon()) : null,
                state.status().name(),
                Times.iso(state.reportedAt()),
                Times.isoOrNull(milestones.dispatchedAt()),
                Times.isoOrNull(milestones.acceptedAt()),
                Times.isoOrNull(milestones.onSceneAt()),
                Times.isoOrNull(milestones.resolvedAt()),
                Times.isoOrNull(milestones.closedAt()),
                sla.timeline().targetSeconds(),
                Times.iso(sla.timeline().deadline()),
                sla.status().name(),
                sla.responseSeconds(),
                sla.escalationLevel().name(),
                null,
                null,
                report.callerKey(),
                report.summary(),
                Times.iso(incidentUpdatedAt(state, sla)),
                Times.isoOrNull(milestones.cancelledAt()),
                Times.isoOrNull(state.respondedAt()),
                Times.iso(sla.timeline().warnAt()),
                state.unit(),
                report.gridCode());
    }

    /** The event time of the incident document: see {@link #incident}. */
    public static long incidentUpdatedAt(IncidentState state, SlaOutcome sla) {
        long updated = state.updatedAt();
        for (SlaFact shown : List.of(SlaFact.BREACH, SlaFact.ESCALATED_CITY)) {
            if (sla.holds(shown)) {
                updated = Math.max(updated, sla.factAt(shown));
            }
        }
        return updated;
    }

    /** The event announcing {@code fact} at {@code at}, or its withdrawn copy. */
    public static SlaEventDocument slaEvent(
            IncidentState state, SlaOutcome sla, SlaFact fact, long at, boolean retracted) {
        String level = fact.level() == null ? null : fact.level().name();
        return slaEvent(state, sla, fact.type(), level, at, retracted, null);
    }

    /** The RETRACTED event withdrawing {@code withdrawn} at {@code at}. */
    public static SlaEventDocument retraction(
            IncidentState state, SlaOutcome sla, List<SlaFact> withdrawn, long at) {
        List<String> ids =
                withdrawn.stream().map(fact -> fact.eventId(state.incidentId())).toList();
        return slaEvent(state, sla, SlaEventDocument.RETRACTED, null, at, false, ids);
    }

    private static SlaEventDocument slaEvent(
            IncidentState state,
            SlaOutcome sla,
            String type,
            String level,
            long at,
            boolean retracted,
            List<String> retracts) {
        return new SlaEventDocument(
                state.incidentId(),
                type,
                level,
                Times.iso(at),
                state.report().townCode(),
                state.report().category(),
                SourceCodes.of(state.sources()),
                sla.timeline().targetSeconds(),
                sla.timeline().secondsSinceReport(at),
                retracted,
                retracts);
    }

    /**
     * The alert of the escalation to {@code level} at {@code at}: OPEN while the incident is
     * unresponded and not cancelled; RESOLVED at {@code resolvedAt} when that is not null (the
     * response, the cancellation or the retraction of the step).
     */
    public static AlertDocument alert(
            IncidentState state,
            SlaTimeline timeline,
            EscalationLevel level,
            long at,
            Long resolvedAt) {
        return new AlertDocument(
                alertId(state.incidentId(), level),
                AlertDocument.SLA_ESCALATION_KIND,
                AlertDocument.SLA_ESCALATION_RULE_ID,
                null,
                level == EscalationLevel.CITY ? "CRITICAL" : "WARNING",
                level.name(),
                state.report().townCode(),
                state.report().category(),
                AlertTexts.title(state, level),
                AlertTexts.message(state, timeline, level, at),
                List.of(state.incidentId()),
                Times.iso(timeline.reportedAt()),
                Times.iso(at),
                1L,
                Times.iso(at),
                (resolvedAt == null ? AlertStatus.OPEN : AlertStatus.RESOLVED).name(),
                Times.isoOrNull(resolvedAt));
    }

    public static String alertId(String incidentId, EscalationLevel level) {
        return AlertDocument.slaAlertId(incidentId, level.name());
    }
}
