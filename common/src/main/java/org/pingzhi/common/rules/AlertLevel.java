package org.pingzhi.common.rules;

/** Whom a rule's alert is for: the town's duty officer or the city command center. */
public enum AlertLevel {
    TOWN,
    CITY
}
