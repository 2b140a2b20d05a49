package org.pingzhi.jobs.lifecycle;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * What the lifecycle reports to Flink's metric system: incidents started and cleaned up, and SLA
 * events by type ({@code slaEvents} with a {@code type} label: WARNING, BREACH, MET, ESCALATED,
 * RETRACTED), counted when an event is first emitted, not when a retraction re-writes it.
 */
final class LifecycleMetrics {

    private final MetricGroup group;
    private final Counter incidentsStarted;
    private final Counter incidentsCleanedUp;
    private final Map<String, Counter> slaEventsByType = new HashMap<>();

    LifecycleMetrics(MetricGroup group) {
        this.group = group;
        this.incidentsStarted = group.counter("incidentsStarted");
        this.incidentsCleanedUp = group.counter("incidentsCleanedUp");
    }

    void incidentStarted() {
        incidentsStarted.inc();
    }

    void incidentCleanedUp() {
        incidentsCleanedUp.inc();
    }

    void emitted(IncidentChange change) {
        if (change instanceof IncidentChange.SlaEventChanged changed
                && !changed.event().retracted()) {
            slaEventsByType
                    .computeIfAbsent(
                            changed.event().type(),
                            type -> group.addGroup("type", type).counter("slaEvents"))
                    .inc();
        }
    }
}
