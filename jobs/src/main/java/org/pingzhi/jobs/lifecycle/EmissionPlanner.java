package org.pingzhi.jobs.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.output.Fingerprint;
import org.pingzhi.common.output.IncidentDocument;
import org.pingzhi.common.output.SlaEventDocument;
import org.pingzhi.jobs.lifecycle.IncidentChange.AlertChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.IncidentChanged;
import org.pingzhi.jobs.lifecycle.IncidentChange.SlaEventChanged;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

/**
 * Which changes an incident's current state and SLA call for, given what was emitted before (pure
 * apart from updating {@link EmittedOutputs}). A document is emitted only when it differs from the
 * last one under its id (compared by the typed document's fingerprint, never by rendering it).
 *
 * <ul>
 *   <li>A fact that holds: its SLA event (again when its time or content changed), and for an
 *       escalation its alert — OPEN, or RESOLVED once the incident was responded or cancelled.
 *   <li>WARNING: emitted once, at its first instant, never retracted; updated only when what it
 *       says about the incident changed.
 *   <li>A standing fact that no longer holds (a late record proved it wrong): its event again with
 *       {@code retracted: true}, for an escalation its alert RESOLVED, and a RETRACTED event
 *       listing what was withdrawn. MET can be withdrawn too (an earlier cancellation makes the
 *       incident VOID); a withdrawn fact that comes to hold again is announced again.
 *   <li>Last, the incident document.
 * </ul>
 *
 * <p>SLA events and alerts of facts that stand unchanged are not even built unless what they say
 * about the incident (its context: town, category, priority, sources, clock, target, stop) changed:
 * building documents (their texts and times) dominates the cost of a record.
 */
public final class EmissionPlanner {

    private EmissionPlanner() {}

    public static List<IncidentChange> plan(
            IncidentState state, SlaOutcome sla, EmittedOutputs emitted) {
        List<IncidentChange> out = new ArrayList<>();
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
                // Once, at the instant first warned; what it says about the incident follows the
                // incident, so that it does not depend on which records had come when it fired.
                boolean warned = emitted.isStanding(fact);
                Long warnedAt = warned ? Long.valueOf(emitted.lastAt(fact)) : at;
                if (warnedAt != null && (contextChanged || !warned)) {
                    emitIfChanged(
                            out,
                            emitted,
                            state,
                            OutputSlot.event(fact),
                            OutputDocuments.slaEvent(state, sla, fact, warnedAt, false),
                            !warned,
                            warnedAt);
                    emitted.stand(fact, warnedAt);
                }
            } else if (at != null) {
                if (contextChanged || !emitted.isStanding(fact) || emitted.lastAt(fact) != at) {
                    emitIfChanged(
                            out,
                            emitted,
                            state,
                            OutputSlot.event(fact),
                            OutputDocuments.slaEvent(state, sla, fact, at, false),
                            !emitted.isStanding(fact),
                            at);
                    emitAlert(out, emitted, state, sla, fact, at, sla.stoppedAt());
                }
                emitted.stand(fact, at);
            } else if (withdrawn.contains(fact)) {
                long lastAt = emitted.lastAt(fact);
                emitIfChanged(
                        out,
                        emitted,
                        state,
                        OutputSlot.event(fact),
                        OutputDocuments.slaEvent(state, sla, fact, lastAt, true),
                        false,
                        lastAt);
                emitAlert(out, emitted, state, sla, fact, lastAt, retractedAt);
                emitted.withdraw(fact);
            }
        }
        if (retractedAt != null) {
            emitIfChanged(
                    out,
                    emitted,
                    state,
                    OutputSlot.RETRACTED,
                    OutputDocuments.retraction(state, sla, withdrawn, retractedAt),
                    false,
                    retractedAt);
        }
        IncidentDocument incident = OutputDocuments.incident(state, sla);
        if (emitted.replace(OutputSlot.INCIDENT, incident.fingerprint())) {
            out.add(new IncidentChanged(incident, OutputDocuments.incidentUpdatedAt(state, sla)));
        }
        return out;
    }

    /**
     * The alert of an escalation step (nothing for other facts); RESOLVED when resolvedAt is set.
     */
    private static void emitAlert(
            List<IncidentChange> out,
            EmittedOutputs emitted,
            IncidentState state,
            SlaOutcome sla,
            SlaFact fact,
            long at,
            Long resolvedAt) {
        if (fact.level() != null) {
            AlertChanged alert =
                    new AlertChanged(
                            state.incidentId(),
                            OutputDocuments.alert(
                                    state, sla.timeline(), fact.level(), at, resolvedAt),
                            at);
            if (emitted.replace(OutputSlot.alert(fact.level()), alert.alert().fingerprint())) {
                out.add(alert);
            }
        }
    }

    /** Everything SLA events and alerts say besides the fact and its time. */
    private static long context(IncidentState state, SlaOutcome sla) {
        Fingerprint context =
                new Fingerprint()
                        .add(state.incidentId())
                        .add(state.report().townCode())
                        .add(state.report().town())
                        .add(state.report().category())
                        .add(state.report().priority().name())
                        .add(state.sources().size());
        for (Source source : state.sources()) {
            context.add(source.code());
        }
        Long stoppedAt = sla.stoppedAt();
        return context.add(sla.timeline().reportedAt())
                .add(sla.timeline().targetMillis())
                .add(stoppedAt != null)
                .add(stoppedAt == null ? 0L : stoppedAt)
                .value();
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

    /**
     * The event, with the incident's priority, unless it is the one last emitted in its slot: a
     * change of the priority alone does not emit it again (the event says the same, and a rule has
     * booked it once already).
     */
    private static void emitIfChanged(
            List<IncidentChange> out,
            EmittedOutputs emitted,
            IncidentState state,
            OutputSlot slot,
            SlaEventDocument event,
            boolean decision,
            long at) {
        if (emitted.replace(slot, event.fingerprint())) {
            out.add(new SlaEventChanged(event, state.report().priority().name(), decision, at));
        }
    }
}
