package org.pingzhi.jobs.lifecycle;

import java.util.List;
import org.pingzhi.common.model.Document;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;
import org.pingzhi.jobs.sla.SlaTimeline;

/** The lifecycle's documents rendered as the edges render them, each at its event time. */
final class RenderedDocuments {

    private RenderedDocuments() {}

    static Document incident(IncidentState state, SlaOutcome sla) {
        return OutputDocuments.incident(state, sla)
                .render(OutputDocuments.incidentUpdatedAt(state, sla));
    }

    static Document slaEvent(
            IncidentState state, SlaOutcome sla, SlaFact fact, long at, boolean retracted) {
        return OutputDocuments.slaEvent(state, sla, fact, at, retracted).render(at);
    }

    static Document retraction(
            IncidentState state, SlaOutcome sla, List<SlaFact> withdrawn, long at) {
        return OutputDocuments.retraction(state, sla, withdrawn, at).render(at);
    }

    static Document alert(
            IncidentState state,
            SlaTimeline timeline,
            EscalationLevel level,
            long at,
            Long resolvedAt) {
        return OutputDocuments.alert(state, timeline, level, at, resolvedAt).render(at);
    }
}
