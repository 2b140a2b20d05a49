package org.pingzhi.common.model;

/** The kinds of output document, each with its Elasticsearch index and replay file. */
public enum DocumentKind {
    INCIDENT("incidents"),
    SLA_EVENT("sla-events"),
    ALERT("alerts"),
    METRIC("metrics"),
    DEAD_LETTER("deadletter"),
    /** A rule version that came into force (contract rules.md), written by the live job only. */
    RULE("rules");

    private final String baseName;

    DocumentKind(String baseName) {
        this.baseName = baseName;
    }

    /** Index name without prefix ({@code incidents}) and replay file stem. */
    public String baseName() {
        return baseName;
    }
}
