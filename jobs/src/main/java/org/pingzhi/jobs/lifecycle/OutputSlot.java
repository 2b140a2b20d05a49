package org.pingzhi.jobs.lifecycle;

import org.pingzhi.jobs.sla.EscalationLevel;
import org.pingzhi.jobs.sla.SlaFact;

/**
 * The documents one incident can have, each under its own id. Indexes into {@link EmittedOutputs}'
 * arrays, so constants are only ever appended.
 */
enum OutputSlot {
    WARNING,
    BREACH,
    ESCALATED_TOWN,
    ESCALATED_CITY,
    MET,
    RETRACTED,
    ALERT_TOWN,
    ALERT_CITY,
    INCIDENT;

    static OutputSlot event(SlaFact fact) {
        return valueOf(fact.name());
    }

    static OutputSlot alert(EscalationLevel level) {
        return valueOf("ALERT_" + level.name());
    }
}
