package org.pingzhi.jobs.rules.flow;

import java.util.List;
import org.pingzhi.jobs.rules.OpenInterval;

/**
 * A change of when an incident is open, on its way to a BACKLOG rule's group.
 *
 * @param group the town code
 * @param before what the group holds of the incident, null when nothing yet
 * @param after what it is to hold now
 * @param generation the ordinal of the version that brought the rule, as the routing counted the
 *     incident for it, in force ({@link org.pingzhi.jobs.rules.control.RulesInForce#generation})
 */
public record RoutedBacklogChange(
        String ruleId,
        List<String> group,
        OpenInterval before,
        OpenInterval after,
        long generation) {

    public RoutedBacklogChange {
        group = List.copyOf(group);
    }

    public String key() {
        return RoutedIncident.key(ruleId, group);
    }
}
