package org.pingzhi.dispatch.roster;

/** The two shifts of a duty day. */
public enum Shift {
    DAY,
    NIGHT
}
