package org.pingzhi.common.normalize;

import org.pingzhi.common.model.UnifiedStatus;

/** The 110 {@code status} values and the unified status each reports (contract lifecycle). */
public enum PoliceStatus {
    RECEIVED(UnifiedStatus.REPORTED),
    DISPATCHED(UnifiedStatus.DISPATCHED),
    ARRIVED(UnifiedStatus.ON_SCENE),
    FINISHED(UnifiedStatus.RESOLVED),
    CLOSED(UnifiedStatus.CLOSED),
    CANCELLED(UnifiedStatus.CANCELLED),
    /** Handed over to 12345 (非警务警情分流): the alarm's incident goes on there. */
    TRANSFERRED_12345(UnifiedStatus.DISPATCHED);

    private final UnifiedStatus status;

    PoliceStatus(UnifiedStatus status) {
        this.status = status;
    }

    public UnifiedStatus status() {
        return status;
    }
}
