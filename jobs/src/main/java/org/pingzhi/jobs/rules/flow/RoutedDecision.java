package org.pingzhi.jobs.rules.flow;

import java.util.List;
import org.pingzhi.jobs.rules.SlaDecision;

/**
 * An SLA decision on its way to a BREACH_RATE rule's group.
 *
 * @param group the town code
 */
public record RoutedDecision(String ruleId, List<String> group, SlaDecision decision) {

    public RoutedDecision {
        group = List.copyOf(group);
    }

    public String key() {
        return RoutedIncident.key(ruleId, group);
    }
}
