package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.lifecycle.IncidentChange.LeftoverDeleted;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

/**
 * After a recovery, what a failed attempt may have left in Elasticsearch that the restored state
 * knows nothing of.
 *
 * <p>A failed attempt's watermark may have passed a deadline before a late response arrived, so it
 * wrote a BREACH or escalation and its alert. The recovered attempt restores an earlier checkpoint,
 * judges from the time that checkpoint had reached, and may never emit that step, so it would never
 * retract it either. Such a step can only have been written if its instant had passed by the time
 * of the recovery; the restored memo says whether this attempt's history wrote it. A step that does
 * not hold now and that the memo never wrote is deleted, before anything the recovered attempt
 * writes (should the step come to hold later, its write then wins). The Kafka alerts topic needs
 * none of this: it is transactional, so the failed attempt's alerts were never committed.
 */
final class RestoreSweep {

    private static final List<SlaFact> TIMER_STEPS =
            List.of(SlaFact.BREACH, SlaFact.ESCALATED_TOWN, SlaFact.ESCALATED_CITY);

    private RestoreSweep() {}

    static List<IncidentChange> leftovers(
            IncidentState state, SlaOutcome sla, EmittedOutputs memo, long recoveredAt) {
        List<IncidentChange> deletions = new ArrayList<>();
        for (SlaFact step : TIMER_STEPS) {
            if (sla.holds(step)
                    || memo.everWritten(OutputSlot.event(step))
                    || step.stepInstant(sla.timeline()) > recoveredAt) {
                continue;
            }
            deletions.add(
                    new LeftoverDeleted(
                            state.incidentId(),
                            DocumentKind.SLA_EVENT,
                            step.eventId(state.incidentId())));
            if (step.level() != null && !memo.everWritten(OutputSlot.alert(step.level()))) {
                deletions.add(
                        new LeftoverDeleted(
                                state.incidentId(),
                                DocumentKind.ALERT,
                                OutputDocuments.alertId(state.incidentId(), step.level())));
            }
        }
        return deletions;
    }
}
