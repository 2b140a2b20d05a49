package org.pingzhi.jobs.escalation;

import java.util.Arrays;
import java.util.TreeSet;
import org.pingzhi.common.rules.AlertLevel;

/**
 * What later stages found about one incident that its document shows: the escalations by windowed
 * rules ({@code rules.md}, "Incidents escalated by rules"), and until when a rule may still mark
 * it. A Flink POJO (a record of strings, a string array and a long), so it needs no Kryo.
 *
 * @param rules ids of the rules whose episodes hold the incident, sorted as plain strings
 * @param level the highest level among those rules (CITY above TOWN), {@code NONE} when none
 * @param markableUntil the instant from which no rule that counted the incident can take it into an
 *     episode any more (the latest known), {@link Long#MIN_VALUE} when these marks say nothing of
 *     it
 */
public record EscalationMarks(String incidentId, String[] rules, String level, long markableUntil) {

    /** The level of marks that name no rule. */
    static final String NO_LEVEL = "NONE";

    public EscalationMarks {
        rules = rules.clone();
    }

    public EscalationMarks(String incidentId, String[] rules, String level) {
        this(incidentId, rules, level, Long.MIN_VALUE);
    }

    /** The marks of one rule. */
    public static EscalationMarks of(String incidentId, String ruleId, String level) {
        return new EscalationMarks(incidentId, new String[] {ruleId}, level);
    }

    /** No mark: a rule counted the incident and may take it into an episode until {@code until}. */
    public static EscalationMarks markable(String incidentId, long until) {
        return new EscalationMarks(incidentId, new String[0], NO_LEVEL, until);
    }

    /** Whether these marks name no rule (only {@link #markableUntil}). */
    public boolean none() {
        return rules.length == 0;
    }

    /**
     * These marks and {@code other}'s together: episodes never let an incident go, so an incident's
     * marks only grow.
     */
    public EscalationMarks with(EscalationMarks other) {
        TreeSet<String> union = new TreeSet<>(Arrays.asList(rules));
        union.addAll(Arrays.asList(other.rules));
        String higher =
                other.none()
                                || !none()
                                        && AlertLevel.valueOf(level)
                                                        .compareTo(AlertLevel.valueOf(other.level))
                                                >= 0
                        ? level
                        : other.level;
        return new EscalationMarks(
                incidentId,
                union.toArray(String[]::new),
                higher,
                Math.max(markableUntil, other.markableUntil));
    }

    /** Whether {@code other} names the same rules and level (the array compared by content). */
    public boolean sameAs(EscalationMarks other) {
        return Arrays.equals(rules, other.rules) && level.equals(other.level);
    }
}
