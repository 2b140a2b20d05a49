package org.pingzhi.jobs.lifecycle;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.pingzhi.common.model.Document;
import org.pingzhi.common.model.DocumentKind;

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

    void emitted(Document document) {
        if (document.kind() == DocumentKind.SLA_EVENT
                && !document.deletion()
                && !document.json().contains("\"retracted\":true")) {
            slaEventsByType
                    .computeIfAbsent(
                            slaEventType(document.id()),
                            type -> group.addGroup("type", type).counter("slaEvents"))
                    .inc();
        }
    }

    /** The type in an SLA event id {@code <incidentId>:<type>[:<level>]}. */
    static String slaEventType(String slaEventId) {
        String[] parts = slaEventId.split(":");
        return parts.length > 1 ? parts[1] : "UNKNOWN";
    }
}
