package org.pingzhi.dispatch.delivery;

/** What the rate limiter decided for one message. */
public enum Admission {
    /** Send it now; its slot is booked. */
    SEND,
    /** Held for the robot's next digest. */
    HELD
}
