package org.pingzhi.common.model;

/**
 * What one upstream record says happened, in the contract's tie-break order: records with the same
 * event time are applied in declaration order.
 *
 * <p>{@link #REOPENED} is a transition only; an incident's status is never REOPENED.
 */
public enum UnifiedStatus {
    REPORTED,
    DISPATCHED,
    ACCEPTED,
    ON_SCENE,
    RESOLVED,
    CLOSED,
    REOPENED,
    CANCELLED;

    /** Whether the status lies on the forward-only path REPORTED..CLOSED. */
    public boolean isProgress() {
        return this != REOPENED && this != CANCELLED;
    }

    /** Whether a record of this status stops the response clock. */
    public boolean countsAsResponse() {
        return this == ON_SCENE || this == RESOLVED || this == CLOSED;
    }
}
