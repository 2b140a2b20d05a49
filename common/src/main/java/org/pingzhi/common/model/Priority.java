package org.pingzhi.common.model;

/** Unified priority, P1 most urgent. */
public enum Priority {
    P1,
    P2,
    P3
}
