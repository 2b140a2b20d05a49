package org.pingzhi.jobs.sla;

/** The escalation ladder of an unresponded incident, lowest first. */
public enum EscalationLevel {
    /** Not escalated. */
    NONE,
    /** At the deadline: the town's duty officer. */
    TOWN,
    /** At twice the target: the city command center. */
    CITY
}
