package org.pingzhi.jobs.sla;

import java.util.List;
import org.pingzhi.common.output.SlaEventDocument;

/**
 * A fact about an incident's SLA that an SLA event announces: the time-driven steps (which hold
 * once time reaches their instant while the incident is neither responded nor cancelled) and MET
 * (which a response record decides).
 */
public enum SlaFact {
    WARNING("WARNING", null),
    BREACH("BREACH", null),
    ESCALATED_TOWN("ESCALATED", EscalationLevel.TOWN),
    ESCALATED_CITY("ESCALATED", EscalationLevel.CITY),
    MET("MET", null);

    /** The steps, in the order their instants come. */
    public static final List<SlaFact> STEPS =
            List.of(WARNING, BREACH, ESCALATED_TOWN, ESCALATED_CITY);

    private final String type;
    private final EscalationLevel level;

    SlaFact(String type, EscalationLevel level) {
        this.type = type;
        this.level = level;
    }

    /** The SLA event {@code type}. */
    public String type() {
        return type;
    }

    /** The escalation level, or null when this is no escalation. */
    public EscalationLevel level() {
        return level;
    }

    /** The SLA event {@code _id}: {@code <incidentId>:<type>[:<level>]}. */
    public String eventId(String incidentId) {
        return SlaEventDocument.eventId(incidentId, type, level == null ? null : level.name());
    }

    /** The instant a step is due; MET has none (its time is the response). */
    public long stepInstant(SlaTimeline timeline) {
        return switch (this) {
            case WARNING -> timeline.warnAt();
            case BREACH, ESCALATED_TOWN -> timeline.deadline();
            case ESCALATED_CITY -> timeline.cityAt();
            case MET -> throw new IllegalStateException("MET is decided by a record, not a clock");
        };
    }

    /** The escalation step to {@code level}. */
    public static SlaFact escalationTo(EscalationLevel level) {
        return switch (level) {
            case TOWN -> ESCALATED_TOWN;
            case CITY -> ESCALATED_CITY;
            case NONE -> throw new IllegalArgumentException("NONE is no escalation step");
        };
    }
}
