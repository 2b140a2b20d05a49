package org.pingzhi.jobs.metrics;

import java.util.List;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.jobs.lifecycle.IncidentFold;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.lifecycle.LifecycleSettings;
import org.pingzhi.jobs.lifecycle.OutputDocuments;
import org.pingzhi.jobs.sla.SlaEvaluator;
import org.pingzhi.jobs.sla.SlaOutcome;

/** Bookings of an incident as the lifecycle would judge its records (600 s target) at a time. */
final class Judged {

    static final long TARGET_MILLIS = 600_000;

    private Judged() {}

    static IncidentBookings bookings(long judgedAt, UnifiedEvent... records) {
        IncidentState state = IncidentFold.fold(records[0].incidentId(), List.of(records));
        SlaOutcome sla = SlaEvaluator.evaluate(state.slaInput(), TARGET_MILLIS, judgedAt);
        IncidentDocument document = OutputDocuments.incident(state, sla);
        return IncidentBookings.of(
                document, LifecycleSettings.live().documentChangesUntil(document, judgedAt));
    }
}
