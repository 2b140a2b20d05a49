package org.pingzhi.jobs.escalation;

/**
 * What later stages found about one incident that its document shows: the escalations by windowed
 * rules ({@code rules.md}, "Incidents escalated by rules"). A Flink POJO (a record of strings and a
 * string array), so it needs no Kryo.
 *
 * @param rules ids of the rules whose episodes hold the incident, sorted as plain strings
 * @param level the highest level among those rules (CITY above TOWN), {@code NONE} when none
 */
public record EscalationMarks(String incidentId, String[] rules, String level) {

    public EscalationMarks {
        rules = rules.clone();
    }
}
