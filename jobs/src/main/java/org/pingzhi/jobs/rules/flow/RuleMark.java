package org.pingzhi.jobs.rules.flow;

/**
 * What a HOTSPOT or REPEAT_CALLER rule says of one incident (contract rules.md, "Incidents
 * escalated by rules"): that one of its episodes holds it ({@link #held}), or that it counted it
 * and may take it into an episode until an instant ({@link #counted}, no rule named); the
 * escalation join folds an incident's marks into its document and keeps the document as long as a
 * rule may mark it.
 *
 * @param ruleId the rule whose episode holds the incident, null when only counted
 * @param level the rule's level, TOWN or CITY (null when only counted)
 * @param until the instant from which this rule marks the incident no more: held, no episode of the
 *     rule grows again with it (a window after this growth); counted, no episode takes it
 */
public record RuleMark(String incidentId, String ruleId, String level, long until) {

    public static RuleMark held(String incidentId, String ruleId, String level, long until) {
        return new RuleMark(incidentId, ruleId, level, until);
    }

    public static RuleMark counted(String incidentId, long until) {
        return new RuleMark(incidentId, null, null, until);
    }

    /** Whether an episode holds the incident (else the rule only counted it). */
    public boolean isHeld() {
        return ruleId != null;
    }
}
