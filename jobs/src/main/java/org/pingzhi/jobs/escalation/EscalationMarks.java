package org.pingzhi.jobs.escalation;

import java.util.Arrays;
import java.util.TreeSet;
import org.pingzhi.common.rules.AlertLevel;

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

    /** The marks of one rule. */
    public static EscalationMarks of(String incidentId, String ruleId, String level) {
        return new EscalationMarks(incidentId, new String[] {ruleId}, level);
    }

    /**
     * These marks and {@code other}'s together: episodes never let an incident go, so an incident's
     * marks only grow.
     */
    public EscalationMarks with(EscalationMarks other) {
        TreeSet<String> union = new TreeSet<>(Arrays.asList(rules));
        union.addAll(Arrays.asList(other.rules));
        String higher =
                AlertLevel.valueOf(level).compareTo(AlertLevel.valueOf(other.level)) >= 0
                        ? level
                        : other.level;
        return new EscalationMarks(incidentId, union.toArray(String[]::new), higher);
    }

    /** Whether {@code other} names the same rules and level (the array compared by content). */
    public boolean sameAs(EscalationMarks other) {
        return Arrays.equals(rules, other.rules) && level.equals(other.level);
    }
}
