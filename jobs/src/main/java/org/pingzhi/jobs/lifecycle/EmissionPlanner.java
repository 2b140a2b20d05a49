package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.model.Document;
import org.pingzhi.jobs.output.AlertDocument;
import org.pingzhi.jobs.output.IncidentDocument;
import org.pingzhi.jobs.output.SlaEventDocument;
import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

/**
 * Which documents an incident's current state and SLA call for, given what was emitted before (pure
 * apart from updating {@link EmittedOutputs}). A document is emitted only when it differs from the
 * last one under its id.
 *
 * <ul>
 *   <li>A fact that holds: its SLA event (again when its time or content changed), and for an
 *       escalation its alert — OPEN, or RESOLVED once the incident was responded or cancelled.
 *   <li>WARNING: emitted once, never updated nor retracted.
 *   <li>A standing fact that no longer holds (a late record proved it wrong): its event again with
 *       {@code retracted: true}, a RETRACTED event listing what it withdraws, and for an escalation
 *       its alert RESOLVED. MET can be withdrawn too (an earlier cancellation makes the incident
 *       VOID), and a withdrawn fact that comes to hold again is announced again.
 *   <li>Last, the incident document.
 * </ul>
 */
public final class EmissionPlanner {

    private EmissionPlanner() {}

    public static List<Document> plan(IncidentState state, SlaOutcome sla, EmittedOutputs emitted) {
        List<Document> out = new ArrayList<>();
        List<SlaFact> withdrawn = new ArrayList<>();
        for (SlaFact fact : SlaFact.values()) {
            Long at = sla.factAt(fact);
            if (fact == SlaFact.WARNING) {
                if (at != null && !emitted.isStanding(fact)) {
                    out.add(SlaEventDocument.of(state, sla, fact, at, false).toDocument());
                    emitted.stand(fact, at);
                }
            } else if (at != null) {
                emitIfChanged(
                        out,
                        emitted,
                        OutputSlot.event(fact),
                        SlaEventDocument.of(state, sla, fact, at, false).toDocument());
                emitted.stand(fact, at);
            } else if (emitted.isStanding(fact)) {
                withdrawn.add(fact);
                emitIfChanged(
                        out,
                        emitted,
                        OutputSlot.event(fact),
                        SlaEventDocument.of(state, sla, fact, emitted.lastAt(fact), true)
                                .toDocument());
                emitted.withdraw(fact);
            }
        }
        Long retractedAt = withdrawn.isEmpty() ? null : retractionInstant(sla, withdrawn, emitted);
        if (retractedAt != null) {
            emitIfChanged(
                    out,
                    emitted,
                    OutputSlot.RETRACTED,
                    SlaEventDocument.retraction(state, sla, withdrawn, retractedAt).toDocument());
        }
        for (EscalationLevel level : List.of(EscalationLevel.TOWN, EscalationLevel.CITY)) {
            SlaFact step = SlaFact.escalationTo(level);
            AlertDocument alert =
                    sla.holds(step)
                            ? AlertDocument.of(
                                    state, sla.timeline(), level, sla.factAt(step), sla.stoppedAt())
                            : withdrawn.contains(step)
                                    ? AlertDocument.of(
                                            state,
                                            sla.timeline(),
                                            level,
                                            emitted.lastAt(step),
                                            retractedAt)
                                    : null;
            if (alert != null) {
                emitIfChanged(out, emitted, OutputSlot.alert(level), alert.toDocument());
            }
        }
        emitIfChanged(
                out, emitted, OutputSlot.INCIDENT, IncidentDocument.of(state, sla).toDocument());
        return out;
    }

    /**
     * When the withdrawal happened: the response or cancellation that proves the facts wrong, or,
     * when none did (a late report record moved the clock), the earliest withdrawn step's instant.
     */
    private static long retractionInstant(
            SlaOutcome sla, List<SlaFact> withdrawn, EmittedOutputs emitted) {
        if (sla.stoppedAt() != null) {
            return sla.stoppedAt();
        }
        long earliest = Long.MAX_VALUE;
        for (SlaFact fact : withdrawn) {
            earliest = Math.min(earliest, emitted.lastAt(fact));
        }
        return earliest;
    }

    private static void emitIfChanged(
            List<Document> out, EmittedOutputs emitted, OutputSlot slot, Document document) {
        if (emitted.replace(slot, document.json())) {
            out.add(document);
        }
    }
}
