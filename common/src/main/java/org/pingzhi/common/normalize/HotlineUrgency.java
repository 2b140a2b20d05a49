package org.pingzhi.common.normalize;

import org.pingzhi.common.model.Priority;

/** The 12345 {@code urgency} values and the priority each gives. */
public enum HotlineUrgency {
    EMERGENCY(Priority.P1),
    URGENT(Priority.P2),
    NORMAL(Priority.P3);

    private final Priority priority;

    HotlineUrgency(Priority priority) {
        this.priority = priority;
    }

    public Priority priority() {
        return priority;
    }
}
