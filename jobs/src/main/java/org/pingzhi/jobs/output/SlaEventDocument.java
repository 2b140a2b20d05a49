package org.pingzhi.jobs.output;

import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.json.Times;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;
import org.pingzhi.jobs.lifecycle.IncidentState;
import org.pingzhi.jobs.sla.SlaFact;
import org.pingzhi.jobs.sla.SlaOutcome;

/**
 * One SLA event, a {@code pingzhi-sla-events} document ({@code _id} {@code
 * <incidentId>:<type>[:<level>]}). Contract fields first; additions: {@code retracted} (true on an
 * event whose fact a later record proved wrong, re-emitted under its id) and {@code retracts} (on a
 * RETRACTED event: the ids of the events it withdraws; null otherwise).
 *
 * @param at the event time of the event: 80 % point for WARNING, deadline for BREACH and ESCALATED
 *     TOWN, twice the target for ESCALATED CITY, response time for MET; for RETRACTED the response
 *     or cancellation that proves the events wrong (the withdrawn step's instant when a moved clock
 *     start withdrew it)
 * @param elapsedSeconds from the clock start to {@code at}
 */
public record SlaEventDocument(
        String incidentId,
        String type,
        String level,
        String at,
        String townCode,
        String category,
        List<String> sources,
        long targetSeconds,
        double elapsedSeconds,
        boolean retracted,
        List<String> retracts) {

    public static final String RETRACTED = "RETRACTED";

    /** The event announcing {@code fact} at {@code at}, or its withdrawn copy. */
    public static SlaEventDocument of(
            IncidentState state, SlaOutcome sla, SlaFact fact, long at, boolean retracted) {
        String level = fact.level() == null ? null : fact.level().name();
        return create(state, sla, fact.type(), level, at, retracted, null);
    }

    /** The RETRACTED event withdrawing {@code withdrawn} at {@code at}. */
    public static SlaEventDocument retraction(
            IncidentState state, SlaOutcome sla, List<SlaFact> withdrawn, long at) {
        List<String> ids =
                withdrawn.stream().map(fact -> fact.eventId(state.incidentId())).toList();
        return create(state, sla, RETRACTED, null, at, false, ids);
    }

    private static SlaEventDocument create(
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

    /** The document id: {@code <incidentId>:<type>[:<level>]}. */
    public String eventId() {
        return incidentId + ":" + type + (level == null ? "" : ":" + level);
    }

    /** {@link #of} rendered, its event time {@code at}. */
    public static Document render(
            IncidentState state, SlaOutcome sla, SlaFact fact, long at, boolean retracted) {
        return of(state, sla, fact, at, retracted).document(at);
    }

    /** {@link #retraction} rendered, its event time {@code at}. */
    public static Document renderRetraction(
            IncidentState state, SlaOutcome sla, List<SlaFact> withdrawn, long at) {
        return retraction(state, sla, withdrawn, at).document(at);
    }

    private Document document(long eventTime) {
        return new Document(DocumentKind.SLA_EVENT, eventId(), Json.toString(this), eventTime);
    }
}
