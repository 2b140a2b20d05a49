package org.pingzhi.jobs.rules.flow;

/**
 * One incident held by an episode of a HOTSPOT or REPEAT_CALLER rule (contract rules.md, "Incidents
 * escalated by rules"); the escalation join folds an incident's marks into its document.
 *
 * @param level the rule's level, TOWN or CITY
 */
public record RuleMark(String incidentId, String ruleId, String level) {}
