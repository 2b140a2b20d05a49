package org.pingzhi.jobs.rules.flow;

import java.util.List;

/**
 * A valid record of a source on its way to a FEED_SILENCE rule's group: only its event time
 * matters, as a sign of life.
 *
 * @param group the source, then the rule's town if it has one
 */
public record RoutedRecord(String ruleId, List<String> group, long at) {

    public RoutedRecord {
        group = List.copyOf(group);
    }

    public String key() {
        return RoutedIncident.key(ruleId, group);
    }
}
