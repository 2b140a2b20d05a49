package org.pingzhi.jobs.lifecycle;

import java.util.List;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedStatus;
import org.pingzhi.jobs.sla.SlaInput;
import org.pingzhi.jobs.sla.SlaSubject;

/**
 * An incident as its set of records says it is (see {@link IncidentFold}).
 *
 * @param incidentId {@code 110-<alarmId>} or {@code 12345-<orderId>}
 * @param ownSource the source the incident began at (from the id prefix)
 * @param sources the sources of its records, 110 before 12345
 * @param alarmId the 110 alarm id, or null
 * @param orderId the 12345 order id, or null
 * @param report category, priority, town, place, caller key and summary
 * @param status current status, never REOPENED
 * @param reportedAt response clock start, epoch milliseconds
 * @param milestones when each status was reached
 * @param unit the latest known handling unit, or null
 * @param updatedAt the latest event time among its records
 */
public record IncidentState(
        String incidentId,
        Source ownSource,
        List<Source> sources,
        String alarmId,
        String orderId,
        ReportAttributes report,
        UnifiedStatus status,
        long reportedAt,
        Milestones milestones,
        String unit,
        long updatedAt) {

    public IncidentState {
        sources = List.copyOf(sources);
    }

    /** The response clock stop, or null while unresponded. */
    public Long respondedAt() {
        return milestones.respondedAt();
    }

    public Long cancelledAt() {
        return milestones.cancelledAt();
    }

    /** What the SLA is decided on; a handed-over incident is looked up by its own source, 110. */
    public SlaInput slaInput() {
        SlaSubject subject =
                new SlaSubject(ownSource, report.category(), report.priority(), report.townCode());
        return new SlaInput(subject, reportedAt, respondedAt(), cancelledAt());
    }

    /** CLOSED or CANCELLED: only retention keeps the incident now. */
    public boolean isFinished() {
        return status == UnifiedStatus.CLOSED || status == UnifiedStatus.CANCELLED;
    }
}
