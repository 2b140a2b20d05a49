package org.pingzhi.jobs.rules.flow;

import java.util.List;
import org.pingzhi.jobs.rules.RuleIncident;

/**
 * An incident on its way to one rule's group: the fan-out turns each incident into one of these per
 * rule it counts for.
 *
 * @param group the group's key values in the rule's key order (see {@link
 *     org.pingzhi.jobs.rules.RuleGroups})
 */
public record RoutedIncident(String ruleId, List<String> group, RuleIncident incident) {

    /** Key values never hold control characters; the unit separator keeps groups apart. */
    static final String SEPARATOR = "\u001f";

    public RoutedIncident {
        group = List.copyOf(group);
    }

    /** The operator key: the rule and the group, one state machine each. */
    public String key() {
        return key(ruleId, group);
    }

    /** The operator key of {@code ruleId}'s {@code group}, for every windowed-rule operator. */
    static String key(String ruleId, List<String> group) {
        return ruleId + SEPARATOR + String.join(SEPARATOR, group);
    }

    /** The rule of an operator {@link #key}. */
    static String ruleIdOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }
}
