package org.pingzhi.common.rules;

import java.io.Serializable;
import java.util.List;

/**
 * What a rule's window logic knows of one episode of one group, at some instant: everything its
 * alert is made of (contract rules.md, "Alerts of rules"), all times epoch milliseconds.
 *
 * @param group the group's key values in the rule's key order (REPEAT_CALLER: the callerKey;
 *     FEED_SILENCE: the source, then the town code if the rule has one; BREACH_RATE and BACKLOG:
 *     the town code)
 * @param start the instant in the alert id
 * @param firedAt when the episode fired
 * @param townCode the group's town where the key fixes it, else the firing incident's; may be null
 * @param category the group's category where the key fixes it, else the firing incident's; null for
 *     kinds without one
 * @param windowStart the alert's {@code windowStart}
 * @param windowEnd the alert's {@code windowEnd}, null while unknown (a silence still going on)
 * @param count the alert's {@code count}, null for FEED_SILENCE
 * @param incidentIds the alert's {@code incidentIds}
 * @param resolvedAt when the episode was resolved, null while open
 */
public record RuleEpisode(
        List<String> group,
        long start,
        long firedAt,
        String townCode,
        String category,
        long windowStart,
        Long windowEnd,
        Long count,
        List<String> incidentIds,
        Long resolvedAt)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public RuleEpisode {
        group = List.copyOf(group);
        incidentIds = List.copyOf(incidentIds);
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** This episode, resolved at {@code at}. */
    public RuleEpisode resolvedAt(long at) {
        return new RuleEpisode(
                group,
                start,
                firedAt,
                townCode,
                category,
                windowStart,
                windowEnd,
                count,
                incidentIds,
                at);
    }
}
