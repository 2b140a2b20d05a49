package org.pingzhi.common.output;

import java.util.List;
import org.pingzhi.common.json.Json;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

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

    public SlaEventDocument {
        sources = List.copyOf(sources);
        retracts = retracts == null ? null : List.copyOf(retracts);
    }

    /**
     * The document id of an SLA event: {@code <incidentId>:<type>[:<level>]} (level may be null).
     */
    public static String eventId(String incidentId, String type, String level) {
        return incidentId + ":" + type + (level == null ? "" : ":" + level);
    }

    public String eventId() {
        return eventId(incidentId, type, level);
    }

    /** The document rendered, its event time {@code eventTime} (the instant of {@code at}). */
    public Document render(long eventTime) {
        return new Document(DocumentKind.SLA_EVENT, eventId(), Json.toString(this), eventTime);
    }

    /** An exact fingerprint of what {@link #render} writes (field by field, in order). */
    public long fingerprint() {
        return new Fingerprint()
                .add(incidentId)
                .add(type)
                .add(level)
                .add(at)
                .add(townCode)
                .add(category)
                .add(sources)
                .add(targetSeconds)
                .add(elapsedSeconds)
                .add(retracted)
                .add(retracts)
                .value();
    }
}
