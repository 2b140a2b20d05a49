package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.model.Document;
import org.pingzhi.jobs.output.AlertDocument;
import org.pingzhi.jobs.output.IncidentDocument;
import org.pingzhi.jobs.output.SlaEventDocument;
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
 *       {@code retracted: true}, for an escalation its alert RESOLVED, and a RETRACTED event
 *       listing what was withdrawn. MET can be withdrawn too (an earlier cancellation makes the
 *       incident VOID); a withdrawn fact that comes to hold again is announced again.
 *   <li>Last, the incident document.
 * </ul>
 *
 * <p>SLA events and alerts of facts that stand unchanged are not even rendered unless what they say
 * about the incident (its context: town, category, priority, sources, clock, target, stop) changed:
 * rendering dominates the cost of a record.
 */
public final class EmissionPlanner {

    private EmissionPlanner() {}

    public static List<Document> plan(IncidentState state, SlaOutcome sla, EmittedOutputs emitted) {
        List<Document> out = new ArrayList<>();
        boolean contextChanged = emitted.updateContext(context(state, sla));
        List<SlaFact> withdrawn = new ArrayList<>();
        for (SlaFact fact : SlaFact.values()) {
            if (fact != SlaFact.WARNING && emitted.isStanding(fact) && !sla.holds(fact)) {
                withdrawn.add(fact);
            }
        }
        Long retractedAt = withdrawn.isEmpty() ? null : retractionInstant(sla, withdrawn, emitted);
        for (SlaFact fact : SlaFact.values()) {
            Long at = sla.factAt(fact);
            if (fact == SlaFact.WARNING) {
                if (at != null && !emitted.isStanding(fact)) {
                    out.add(SlaEventDocument.render(state, sla, fact, at, false));
                    emitted.stand(fact, at);
                }
            } else if (at != null) {
                if (contextChanged || !emitted.isStanding(fact) || emitted.lastAt(fact) != at) {
                    emitIfChanged(
                            out,
                            emitted,
                            OutputSlot.event(fact),
                            SlaEventDocument.render(state, sla, fact, at, false));
                    emitAlert(out, emitted, state, sla, fact, at, sla.stoppedAt());
                }
                emitted.stand(fact, at);
            } else if (withdrawn.contains(fact)) {
                long lastAt = emitted.lastAt(fact);
                emitIfChanged(
                        out,
                        emitted,
                        OutputSlot.event(fact),
                        SlaEventDocument.render(state, sla, fact, lastAt, true));
                emitAlert(out, emitted, state, sla, fact, lastAt, retractedAt);
                emitted.withdraw(fact);
            }
        }
        if (retractedAt != null) {
            emitIfChanged(
                    out,
                    emitted,
                    OutputSlot.RETRACTED,
                    SlaEventDocument.renderRetraction(state, sla, withdrawn, retractedAt));
        }
        emitIfChanged(out, emitted, OutputSlot.INCIDENT, IncidentDocument.render(state, sla));
        return out;
    }

    /**
     * The alert of an escalation step (nothing for other facts); RESOLVED when resolvedAt is set.
     */
    private static void emitAlert(
            List<Document> out,
            EmittedOutputs emitted,
            IncidentState state,
            SlaOutcome sla,
            SlaFact fact,
            long at,
            Long resolvedAt) {
        if (fact.level() != null) {
            emitIfChanged(
                    out,
                    emitted,
                    OutputSlot.alert(fact.level()),
                    AlertDocument.render(state, sla.timeline(), fact.level(), at, resolvedAt));
        }
    }

    /** Everything SLA events and alerts say besides the fact and its time. */
    private static long context(IncidentState state, SlaOutcome sla) {
        return EmittedOutputs.fingerprint(
                String.join(
                        "|",
                        state.incidentId(),
                        state.report().townCode(),
                        state.report().town(),
                        state.report().category(),
                        String.valueOf(state.report().priority()),
                        String.valueOf(state.sources()),
                        String.valueOf(sla.timeline().reportedAt()),
                        String.valueOf(sla.timeline().targetMillis()),
                        String.valueOf(sla.stoppedAt())));
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
