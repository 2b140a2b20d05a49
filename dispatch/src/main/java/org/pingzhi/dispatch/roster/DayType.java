package org.pingzhi.dispatch.roster;

/** Whether a date is worked: the roster's holiday crew covers rest days. */
public enum DayType {
    WORKDAY,
    HOLIDAY
}
