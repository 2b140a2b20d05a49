package org.pingzhi.common.normalize;

import org.pingzhi.common.model.UnifiedStatus;

/** The 12345 {@code action} values and the unified status each reports (contract lifecycle). */
public enum HotlineAction {
    CREATE(UnifiedStatus.REPORTED),
    ASSIGN(UnifiedStatus.DISPATCHED),
    SIGN(UnifiedStatus.ACCEPTED),
    ARRIVE(UnifiedStatus.ON_SCENE),
    REPLY(UnifiedStatus.RESOLVED),
    CLOSE(UnifiedStatus.CLOSED),
    REOPEN(UnifiedStatus.REOPENED),
    REVOKE(UnifiedStatus.CANCELLED);

    private final UnifiedStatus status;

    HotlineAction(UnifiedStatus status) {
        this.status = status;
    }

    public UnifiedStatus status() {
        return status;
    }
}
