package org.pingzhi.jobs.lifecycle;

/**
 * When an incident reached each status, epoch milliseconds, null when it never did.
 *
 * <p>Each is the earliest event time of a record of that status (a REOPEN does not reset them),
 * except {@code cancelledAt}: the event time at which the incident became CANCELLED, null when no
 * cancellation applied (a cancellation of a CLOSED incident does nothing, so a CLOSED incident
 * never shows a cancellation time).
 */
public record Milestones(
        Long dispatchedAt,
        Long acceptedAt,
        Long onSceneAt,
        Long resolvedAt,
        Long closedAt,
        Long cancelledAt) {

    /** The response clock stop: the earliest of ON_SCENE, RESOLVED and CLOSED, or null. */
    public Long respondedAt() {
        return earliest(earliest(onSceneAt, resolvedAt), closedAt);
    }

    static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
