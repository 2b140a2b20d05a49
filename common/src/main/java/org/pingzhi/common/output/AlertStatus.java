package org.pingzhi.common.output;

/** An alert's status (contract "Outputs"). ACKED is set by the duty officers' tools, never here. */
public enum AlertStatus {
    OPEN,
    ACKED,
    RESOLVED
}
