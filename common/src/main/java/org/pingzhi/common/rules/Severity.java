package org.pingzhi.common.rules;

/** How urgent a rule's alert is. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
