package org.pingzhi.jobs.output;

import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.lifecycle.Milestones;
import org.pingzhi.jobs.lifecycle.ReportAttributes;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

/**
 * An incident's current state, the {@code pingzhi-incidents} document ({@code _id} incidentId). The
 * contract's fields come first, in its order; the fields after {@code updatedAt} are additions:
 * {@code cancelledAt} (when the incident became CANCELLED), {@code respondedAt} (the clock stop),
 * {@code slaWarnAt} (80 % point), {@code unit} (latest handling unit), {@code gridCode}.
 *
 * <p>{@code updatedAt} is the latest event time that changed the document: the latest record's
 * event time, or the instant of the latest SLA step it shows (BREACH/TOWN at the deadline, CITY at
 * twice the target) when that is later. Never the wall clock, so a replay writes identical
 * documents.
 */
public record IncidentDocument(
        String incidentId,
        List<String> sources,
        String alarmId,
        String orderId,
        String category,
        String rawCategory,
        String priority,
        String townCode,
        String town,
        String village,
        GeoPoint location,
        String status,
        String reportedAt,
        String dispatchedAt,
        String acceptedAt,
        String onSceneAt,
        String resolvedAt,
        String closedAt,
        long slaTargetSeconds,
        String slaDeadline,
        String slaStatus,
        Double responseSeconds,
        String escalationLevel,
        String callerKey,
        String summary,
        String updatedAt,
        String cancelledAt,
        String respondedAt,
        String slaWarnAt,
        String unit,
        String gridCode) {

    public static IncidentDocument of(IncidentState state, SlaOutcome sla) {
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
                report.callerKey(),
                report.summary(),
                Times.iso(updatedAt(state, sla)),
                Times.isoOrNull(milestones.cancelledAt()),
                Times.isoOrNull(state.respondedAt()),
                Times.iso(sla.timeline().warnAt()),
                state.unit(),
                report.gridCode());
    }

    /** The event time of the document: see the class comment. */
    static long updatedAt(IncidentState state, SlaOutcome sla) {
        long updated = state.updatedAt();
        for (SlaFact shown : List.of(SlaFact.BREACH, SlaFact.ESCALATED_CITY)) {
            if (sla.holds(shown)) {
                updated = Math.max(updated, sla.factAt(shown));
            }
        }
        return updated;
    }

    /** The rendered document, its event time {@code updatedAt}. */
    public static Document render(IncidentState state, SlaOutcome sla) {
        IncidentDocument document = of(state, sla);
        return new Document(
                DocumentKind.INCIDENT,
                document.incidentId,
                Json.toString(document),
                updatedAt(state, sla));
    }
}
