package org.pingzhi.admin.kibana;

import java.util.Optional;

/**
 * The data views of the bundle, one or two per index. A view without a time field ("now") shows
 * current state whatever the dashboard's time range: an incident reported yesterday and still open
 * is open now.
 */
public enum DataView {
    INCIDENTS("pingzhi-incidents", "pingzhi-incidents", "事件（按报警时间）", "reportedAt"),
    INCIDENTS_NOW("pingzhi-incidents-now", "pingzhi-incidents", "事件（当前状态）", null),
    SLA_EVENTS("pingzhi-sla-events", "pingzhi-sla-events", "SLA 事件", "at"),
    SLA_EVENTS_NOW("pingzhi-sla-events-now", "pingzhi-sla-events", "SLA 事件（不限时间）", null),
    ALERTS("pingzhi-alerts", "pingzhi-alerts", "预警（按触发时间）", "firedAt"),
    ALERTS_NOW("pingzhi-alerts-now", "pingzhi-alerts", "预警（当前状态）", null),
    METRICS("pingzhi-metrics", "pingzhi-metrics-*", "每分钟指标", "ts"),
    RULES("pingzhi-rules", "pingzhi-rules", "规则版本", null),
    NOTIFICATIONS("pingzhi-notifications", "pingzhi-notifications", "通知投递", "attemptedAt"),
    ACKS("pingzhi-acks", "pingzhi-acks", "预警确认", "at"),
    DEAD_LETTERS("pingzhi-deadletter", "pingzhi-deadletter", "死信", null);

    private final String id;
    private final String indexPattern;
    private final String displayName;
    private final String timeField;

    DataView(String id, String indexPattern, String displayName, String timeField) {
        this.id = id;
        this.indexPattern = indexPattern;
        this.displayName = displayName;
        this.timeField = timeField;
    }

    /** The saved object's id, stable so that a re-import overwrites. */
    public String id() {
        return id;
    }

    /** The index (or pattern) it reads, Kibana's {@code title} of an index-pattern. */
    public String indexPattern() {
        return indexPattern;
    }

    public String displayName() {
        return displayName;
    }

    public Optional<String> timeField() {
        return Optional.ofNullable(timeField);
    }
}
