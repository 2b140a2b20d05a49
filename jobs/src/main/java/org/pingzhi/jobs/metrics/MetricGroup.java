package org.pingzhi.jobs.metrics;

/**
 * What a metric document groups by: the incident's final town, its own source and its category.
 *
 * @param townCode the town's code from towns.tsv
 * @param town the town's name
 * @param source the incident's own source, "110" or "12345"
 * @param category the unified category code
 */
public record MetricGroup(String townCode, String town, String source, String category) {

    /**
     * The key of the group's minutes ({@code <townCode>:<source>:<category>}): the tail of its
     * documents' ids, and what the minute aggregation is keyed by.
     */
    public String key() {
        return townCode + ":" + source + ":" + category;
    }
}
